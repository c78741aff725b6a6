import { formatCount } from '../../../lib/text/format'
import type { RestoreSummary } from '../../../workers/restore-protocol'

/** What a restore of a Tracemark export wrote, and what it skipped. */
export function RestoreOutcome({
  fileName,
  summary,
  done,
}: {
  fileName: string
  summary: RestoreSummary
  done: () => void
}) {
  const names = summary.datasets.map((d) => `“${d.name}”`).join(', ')
  return (
    <div role="status" className="restore-outcome">
      <p>
        Restored {formatCount(summary.traces)} traces, {formatCount(summary.spans)} spans and{' '}
        {formatCount(summary.relations)} relations from {fileName}
        {names && ` into ${names}`}.
      </p>
      {summary.mergedTraces > 0 && (
        <p>
          {formatCount(summary.mergedTraces)} existing traces received the file’s annotations
          {summary.duplicateSpans > 0 &&
            `; ${formatCount(summary.duplicateSpans)} spans were already there and were not added again`}
          .
        </p>
      )}
      {summary.badLineCount > 0 && (
        <p>{formatCount(summary.badLineCount)} bad lines were skipped.</p>
      )}
      <button type="button" onClick={done}>
        OK
      </button>
    </div>
  )
}
