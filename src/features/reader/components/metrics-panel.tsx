import type { Trace } from '../../../lib/trace-model'
import { formatCount } from '../../../lib/format'

/** The stored style metrics of a trace (computed at import, DESIGN section 4). */
export function MetricsPanel({ trace }: { trace: Trace }) {
  const m = trace.metrics
  const rows: [string, string][] = [
    ['Characters', formatCount(m.chars)],
    ['Words', formatCount(m.words)],
    ['Tokens (approx.)', formatCount(m.tokens)],
    ['Steps', formatCount(m.steps)],
    ['Sentences', formatCount(m.sentences)],
    ['Pivots', formatCount(m.pivotTotal)],
    ['Pivots per 1k words', m.pivotsPer1k.toFixed(1)],
    ['Pivot types present', String(m.pivotCategories)],
    ['Backtracks', formatCount(m.backtracks)],
    ['First pivot at', m.firstPivotAt === null ? '—' : `${Math.round(m.firstPivotAt * 100)}%`],
    ['Final answer', m.hasFinalAnswer ? 'yes' : 'no'],
    ['Correct', trace.correct === null ? 'unknown' : trace.correct ? 'yes' : 'no'],
  ]
  return (
    <section className="panel" aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">Metrics</h2>
      <dl className="metrics">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
