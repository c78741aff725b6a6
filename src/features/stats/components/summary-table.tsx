import { downloadBlob } from '../../../components/download/download-blob'
import { InfoTip } from '../../../components/info-tip/info-tip'
import { definitionOf } from '../../../lib/analysis/metric-definitions'
import { toCsv } from '../../../lib/stats/csv'
import { summaryRows } from '../../../lib/stats/style-stats'
import type { TraceGroup } from '../../../lib/stats/trace-groups'

const fixed = (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits))
const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(0)}%`)

/** Per dataset and correctness: the headline numbers, also as CSV. */
export function SummaryTable({ groups }: { groups: TraceGroup[] }) {
  const rows = summaryRows(groups)
  const csv = () =>
    toCsv(
      [
        'dataset',
        'correctness',
        'traces',
        'mean_pivots_per_1k',
        'median_pivots_per_1k',
        'share_at_least_3_types',
        'mean_words',
        'mean_backtracks',
      ],
      rows.map((r) => [
        r.dataset,
        r.correctness,
        r.traces,
        r.meanPivotsPer1k,
        r.medianPivotsPer1k,
        r.shareAtLeast3Types,
        r.meanWords,
        r.meanBacktracks,
      ]),
    )
  return (
    <section className="panel" aria-labelledby="summary-title">
      <h2 id="summary-title">Summary</h2>
      <table className="stats-summary" data-testid="stats-summary">
        <thead>
          <tr>
            <th>Dataset</th>
            <th>Correctness</th>
            <th className="num">Traces</th>
            <th className="num">
              Mean pivots / 1k words{' '}
              <InfoTip label="pivot density" text={definitionOf('pivotsPer1k').definition} />
            </th>
            <th className="num">Median</th>
            <th className="num">
              ≥ 3 pivot types{' '}
              <InfoTip label="pivot types" text={definitionOf('pivotCategories').definition} />
            </th>
            <th className="num">Mean words</th>
            <th className="num">
              Mean backtracks{' '}
              <InfoTip label="backtracks" text={definitionOf('backtracks').definition} />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={`${r.dataset}/${r.correctness}`}
              data-dataset={r.dataset}
              data-correctness={r.correctness}
            >
              <td>{r.dataset}</td>
              <td>{r.correctness}</td>
              <td className="num">{r.traces}</td>
              <td className="num" data-metric="mean-pivots-per-1k">
                {fixed(r.meanPivotsPer1k, 2)}
              </td>
              <td className="num">{fixed(r.medianPivotsPer1k, 2)}</td>
              <td className="num">{percent(r.shareAtLeast3Types)}</td>
              <td className="num">{fixed(r.meanWords, 0)}</td>
              <td className="num">{fixed(r.meanBacktracks)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="chart-downloads">
        <button
          type="button"
          onClick={() =>
            downloadBlob(new Blob([csv()], { type: 'text/csv' }), 'tracemark-summary.csv')
          }
        >
          Save Summary data as CSV
        </button>
      </p>
    </section>
  )
}
