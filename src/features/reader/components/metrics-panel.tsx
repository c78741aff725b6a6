import { InfoTip } from '../../../components/info-tip/info-tip'
import {
  definitionOf,
  EXTRA_DEFINITIONS,
  type NumericMetric,
} from '../../../lib/analysis/metric-definitions'
import type { Trace } from '../../../lib/traces/trace-model'
import { formatCount } from '../../../lib/text/format'

/** The stored style metrics of a trace (computed at import, DESIGN section 4), each defined. */
export function MetricsPanel({ trace }: { trace: Trace }) {
  const m = trace.metrics
  const metric = (key: NumericMetric, value: string): [string, string, string] => {
    const d = definitionOf(key)
    return [d.label, value, d.definition]
  }
  const rows: [string, string, string][] = [
    metric('chars', formatCount(m.chars)),
    metric('words', formatCount(m.words)),
    metric('tokens', formatCount(m.tokens)),
    metric('steps', formatCount(m.steps)),
    metric('sentences', formatCount(m.sentences)),
    metric('pivotTotal', formatCount(m.pivotTotal)),
    metric('pivotsPer1k', m.pivotsPer1k.toFixed(1)),
    metric('pivotCategories', String(m.pivotCategories)),
    metric('backtracks', formatCount(m.backtracks)),
    metric('verifications', formatCount(m.verifications)),
    metric('firstPivotAt', m.firstPivotAt === null ? '—' : `${Math.round(m.firstPivotAt * 100)}%`),
    ['Final answer', m.hasFinalAnswer ? 'yes' : 'no', EXTRA_DEFINITIONS.hasFinalAnswer],
    [
      'Correct',
      trace.correct === null ? 'unknown' : trace.correct ? 'yes' : 'no',
      EXTRA_DEFINITIONS.correct,
    ],
  ]
  return (
    <section className="panel" aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">Metrics</h2>
      <dl className="metrics">
        {rows.map(([k, v, definition]) => (
          <div key={k}>
            <dt>
              {k} <InfoTip label={k} text={definition} />
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
