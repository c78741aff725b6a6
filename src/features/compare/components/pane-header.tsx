import { Link } from 'wouter'
import { correctnessText } from '../../../lib/compare/metrics-strip'
import { readerPath } from '../../../lib/reader/reader-link'
import type { Trace } from '../../../lib/traces/trace-model'
import type { DatasetLabel } from '../use-compare-data'
import { DatasetChip } from './dataset-chip'
import { SafeText } from '../../../components/safe-text/safe-text'

const MARK = { correct: '✓', incorrect: '✗', unknown: '?' } as const

/** Until every trace carries the import's `truncated` flag, older rows simply lack it. */
function isTruncated(trace: Trace): boolean {
  return (trace as { truncated?: boolean }).truncated === true
}

/** A pane's header: dataset (short name, colour), model, correctness and truncation, size. */
export function PaneHeader({
  index,
  trace,
  label,
}: {
  index: number
  trace: Trace
  label: DatasetLabel
}) {
  const correctness = correctnessText(trace.correct)
  const m = trace.metrics
  return (
    <header className="pane-header" style={{ borderTopColor: label.color }}>
      <div className="pane-title">
        <span className="pane-number" aria-hidden="true">
          {index + 1}
        </span>
        <DatasetChip label={label} />
        <Link href={readerPath(trace.id)} className="small" title="Open in the reader">
          Trace <SafeText text={trace.key} />
        </Link>
      </div>
      <div className="pane-facts small">
        <span className="muted" data-testid="pane-model">
          {trace.model ? <SafeText text={trace.model} /> : 'unknown model'}
        </span>
        <span
          className={`correctness-mark ${correctness}`}
          data-testid="pane-correctness"
          title={`Answer ${correctness}`}
        >
          {MARK[correctness]} {correctness}
        </span>
        {isTruncated(trace) && (
          <span
            className="truncated-mark"
            data-testid="pane-truncated"
            title="The model was cut off before it finished"
          >
            ✂ truncated
          </span>
        )}
        <span data-testid="pane-words">{m.words.toLocaleString('en-US')} words</span>
        <span data-testid="pane-density">{m.pivotsPer1k.toFixed(1)} pivots/1k</span>
      </div>
    </header>
  )
}
