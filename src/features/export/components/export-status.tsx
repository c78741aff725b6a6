import { formatCount } from '../../../lib/text/format'
import type { ExportState } from '../use-export'

/** An export's progress bar with Cancel, or its failure. */
export function ExportStatus({
  state,
  label,
  cancel,
}: {
  state: ExportState
  label: string
  cancel: () => void
}) {
  if (state.phase === 'running') {
    const p = state.progress
    return (
      <span role="status" className="export-status">
        <progress
          max={p?.totalTraces ?? 1}
          value={p?.traces ?? 0}
          aria-label={`Exporting ${label}`}
        />
        {p ? `${formatCount(p.traces)} / ${formatCount(p.totalTraces)}` : 'Starting…'}
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </span>
    )
  }
  if (state.phase === 'failed') {
    return (
      <span role="alert" className="error">
        Export failed: {state.message}
      </span>
    )
  }
  return null
}
