import { Fragment } from 'react'
import { correctnessText, formatStripValue, metricsStrip } from '../../../lib/compare/metrics-strip'
import type { Lexicon, Trace } from '../../../lib/traces/trace-model'
import type { DatasetLabel } from '../use-compare-data'
import { DatasetChip } from './dataset-chip'

/** The panes' stored metrics side by side; the largest value of a row is marked. */
export function MetricsStrip({
  traces,
  labels,
  lexicon,
}: {
  traces: Trace[]
  labels: DatasetLabel[]
  lexicon: Lexicon
}) {
  const { rows, correctness } = metricsStrip(traces, lexicon)
  return (
    <div className="metrics-strip-scroll">
      <table className="metrics-strip" data-testid="metrics-strip">
        <caption className="visually-hidden">Metrics of the panes side by side</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {traces.map((t, i) => (
              <th key={t.id} scope="col">
                {i + 1} <DatasetChip label={labels[i]!} />
              </th>
            ))}
            <th scope="col" title="Largest minus smallest">
              Spread
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const top = r.spread ? Math.max(...r.values.map((v) => v ?? -Infinity)) : null
            return (
              <tr key={r.key} data-metric={r.key}>
                <th scope="row">{r.label}</th>
                {r.values.map((v, i) => (
                  <td key={i} data-pane={i} className={v !== null && v === top ? 'strip-top' : ''}>
                    {formatStripValue(v, r.digits)}
                  </td>
                ))}
                <td className="muted">{formatStripValue(r.spread, r.digits)}</td>
              </tr>
            )
          })}
          <tr data-metric="correct">
            <th scope="row">{correctness.label}</th>
            {correctness.values.map((v, i) => (
              <Fragment key={i}>
                <td data-pane={i} className={`correctness-mark ${correctnessText(v)}`}>
                  {correctnessText(v)}
                </td>
              </Fragment>
            ))}
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  )
}
