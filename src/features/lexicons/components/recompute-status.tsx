import type { Lexicon } from '../../../lib/traces/trace-model'
import { formatCount } from '../../../lib/text/format'
import { useMetricsStatus } from '../use-lexicons'
import { useRecompute } from '../use-recompute'

/** Progress of a running recompute, or how many traces carry stale metrics, with a resume. */
export function RecomputeStatus({ active }: { active: Lexicon | undefined }) {
  const run = useRecompute()
  const status = useMetricsStatus(active)
  if (run.phase === 'running' || run.phase === 'cancelling') {
    return (
      <div className="panel recompute-status" role="status">
        <p>
          Recomputing metrics with <strong>{run.lexiconName}</strong>: {formatCount(run.scanned)} of{' '}
          {formatCount(run.total)} traces checked, {formatCount(run.updated)} updated.
        </p>
        <progress max={run.total || 1} value={run.scanned} aria-label="Recompute progress" />
        <button type="button" onClick={run.cancel} disabled={run.phase === 'cancelling'}>
          {run.phase === 'cancelling' ? 'Cancelling…' : 'Cancel recompute'}
        </button>
      </div>
    )
  }
  return (
    <div className="panel recompute-status" role="status">
      {run.phase === 'done' && (
        <p>
          Metrics recomputed with {run.lexiconName}: {formatCount(run.updated)} traces updated.
        </p>
      )}
      {run.phase === 'cancelled' && <p>{run.message}</p>}
      {run.phase === 'failed' && <p className="import-error">Recompute failed: {run.message}</p>}
      {status !== undefined && status.stale > 0 && active !== undefined && (
        <p>
          {formatCount(status.stale)} of {formatCount(status.total)} traces have metrics of another
          lexicon (or an earlier version of this one): their counts are mixed.{' '}
          <button type="button" className="primary" onClick={() => void run.start(active)}>
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
