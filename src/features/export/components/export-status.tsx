import type { JobState } from '../../../data/jobs'
import { formatCount } from '../../../lib/text/format'
import type { ExportProgress } from '../../../workers/export-protocol'
import './export-status.css'

/** An export's progress bar with Cancel (a failure is raised as a notice by the job). */
export function ExportStatus({
  state,
  label,
  cancel,
}: {
  state: JobState<ExportProgress, Blob | null>
  label: string
  cancel: () => Promise<void>
}) {
  if (state.phase === 'running' || state.phase === 'cancelling') {
    const p = state.progress
    return (
      <span role="status" className="export-status">
        <progress
          max={p?.totalTraces ?? 1}
          value={p?.traces ?? 0}
          aria-label={`Exporting ${label}`}
        />
        {p ? `${formatCount(p.traces)} / ${formatCount(p.totalTraces)}` : 'Starting…'}
        <button type="button" onClick={() => void cancel()}>
          Cancel
        </button>
      </span>
    )
  }
  return null
}
