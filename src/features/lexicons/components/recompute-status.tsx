import type { Lexicon } from '../../../lib/traces/trace-model'
import { formatCount } from '../../../lib/text/format'
import { useJobState } from '../../../data/jobs'
import { recompute, recomputeJob } from '../../../data/recompute'
import { useMetricsStatus } from '../../../data/lexicon-analysis'
import './lexicons.css'

/** Progress of a running recompute, or how many traces carry stale metrics, with a resume. */
export function RecomputeStatus({ active }: { active: Lexicon | undefined }) {
  const run = useJobState(recomputeJob)
  const p = run.progress ?? run.result
  const [scanned, updated, total] = [p?.scanned ?? 0, p?.updated ?? 0, p?.total ?? 0]
  const status = useMetricsStatus(active)
  if (run.phase === 'running' || run.phase === 'cancelling') {
    return (
      <div className="panel recompute-status" role="status">
        <p>
          Recomputing metrics with <strong>{run.label}</strong>: {formatCount(scanned)} of{' '}
          {formatCount(total)} traces checked, {formatCount(updated)} updated.
        </p>
        <progress max={total || 1} value={scanned} aria-label="Recompute progress" />
        <button
          type="button"
          onClick={() => void recomputeJob.cancel()}
          disabled={run.phase === 'cancelling'}
        >
          {run.phase === 'cancelling' ? 'Cancelling…' : 'Cancel recompute'}
        </button>
      </div>
    )
  }
  return (
    <div className="panel recompute-status" role="status">
      {run.phase === 'done' && (
        <p>
          Metrics recomputed with {run.label}: {formatCount(updated)} traces updated.
        </p>
      )}
      {run.phase === 'cancelled' && <p>{run.message}</p>}
      {status !== undefined && status.stale > 0 && active !== undefined && (
        <p>
          {formatCount(status.stale)} of {formatCount(status.total)} traces have metrics of another
          lexicon (or an earlier version of this one): their counts are mixed.{' '}
          <button type="button" className="primary" onClick={() => void recompute(active)}>
            Recompute {formatCount(status.stale)} traces
          </button>
        </p>
      )}
      {status !== undefined && status.stale === 0 && status.total > 0 && (
        <p className="muted">
          All {formatCount(status.total)} traces have metrics of the active lexicon.
        </p>
      )}
    </div>
  )
}
