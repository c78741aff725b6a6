import { useMemo, useState } from 'react'
import { downloadBlob } from '../../../components/download/download-blob'
import { InfoTip } from '../../../components/info-tip/info-tip'
import { definitionOf } from '../../../lib/analysis/metric-definitions'
import { publishRows, type CategoryRef, type Estimate } from '../../../lib/stats/publish-summary'
import { formatEstimate, summaryCsv, summaryLatex } from '../../../lib/stats/summary-export'
import type { TraceGroup } from '../../../lib/stats/trace-groups'
import { SUMMARY_DEFINITIONS } from '../summary-definitions'
import './summary-table.css'

const fixed = (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits))
const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(0)}%`)

/** A figure and, smaller, its 95% interval; `data-value` holds the figure alone. */
function EstimateCell({
  e,
  metric,
  scale = 1,
  digits = 2,
}: {
  e: Estimate
  metric?: string
  scale?: number
  digits?: number
}) {
  const text = formatEstimate(e, digits, scale)
  const [value, interval] = text.split(' [')
  return (
    <td className="num" data-metric={metric}>
      <span data-value="">{value}</span>
      {interval && <span className="ci"> [{interval}</span>}
    </td>
  )
}

/**
 * Per dataset and group: the figures a paper reports, each with its 95% bootstrap interval;
 * saved as CSV (all figures, per category too) and as a LaTeX booktabs table.
 */
export function SummaryTable({
  groups,
  categories,
  splitName,
}: {
  groups: TraceGroup[]
  categories: CategoryRef[]
  splitName: string
}) {
  const rows = useMemo(() => publishRows(groups, categories), [groups, categories])
  const [perCategory, setPerCategory] = useState(false)
  const save = (text: string, name: string, type: string) =>
    downloadBlob(new Blob([text], { type }), name)
  return (
    <section className="panel summary-panel" aria-labelledby="summary-title">
      <h2 id="summary-title">
        Summary <InfoTip label="Summary" text={SUMMARY_DEFINITIONS.summary} />
      </h2>
      <label className="small">
        <input
          type="checkbox"
          checked={perCategory}
          onChange={(e) => setPerCategory(e.target.checked)}
        />{' '}
        Per pivot category
      </label>
      <div className="summary-scroll">
        <table className="stats-summary" data-testid="stats-summary">
          <thead>
            <tr>
              <th>Dataset</th>
              <th>{splitName}</th>
              <th className="num">n</th>
              <th className="num">
                Pooled pivots / 1k words{' '}
                <InfoTip label="pooled density" text={SUMMARY_DEFINITIONS.pooled} />
              </th>
              <th className="num">
                Mean <InfoTip label="mean density" text={SUMMARY_DEFINITIONS.mean} />
              </th>
              <th className="num">
                Median <InfoTip label="median density" text={SUMMARY_DEFINITIONS.median} />
              </th>
              <th className="num">
                ≥ 3 pivot types{' '}
                <InfoTip label="pivot types" text={definitionOf('pivotCategories').definition} />
              </th>
              <th className="num">Mean words</th>
              <th className="num">
                Mean backtracks{' '}
                <InfoTip label="backtracks" text={definitionOf('backtracks').definition} />
              </th>
              <th className="num">
                Truncated <InfoTip label="truncated" text={SUMMARY_DEFINITIONS.truncated} />
              </th>
              {perCategory &&
                categories.map((c) => (
                  <th key={c.id} className="num">
                    {c.name}: pooled / mean / median
                  </th>
                ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.dataset}/${r.split}`} data-dataset={r.dataset} data-split={r.split}>
                <td>{r.dataset}</td>
                <td>{r.split}</td>
                <td className="num" data-metric="n">
                  {r.n}
                </td>
                <EstimateCell e={r.density.pooled} metric="pooled-pivots-per-1k" />
                <EstimateCell e={r.density.mean} metric="mean-pivots-per-1k" />
                <EstimateCell e={r.density.median} metric="median-pivots-per-1k" />
                <EstimateCell
                  e={r.shareAtLeast3Types}
                  metric="share-3-types"
                  scale={100}
                  digits={0}
                />
                <td className="num">{fixed(r.meanWords, 0)}</td>
                <td className="num">{fixed(r.meanBacktracks)}</td>
                <td className="num" data-metric="truncated-share">
                  {percent(r.truncatedShare)}
                </td>
                {perCategory &&
                  r.categories.map((c) => (
                    <td key={c.id} className="num">
                      {formatEstimate(c.density.pooled)} / {formatEstimate(c.density.mean)} /{' '}
                      {formatEstimate(c.density.median)}
                    </td>
                  ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="chart-downloads">
        <button
          type="button"
          onClick={() =>
            save(
              summaryCsv(rows, splitName.replace(/\s+/g, '_')),
              'tracemark-summary.csv',
              'text/csv',
            )
          }
        >
          Save Summary data as CSV
        </button>
        <button
          type="button"
          onClick={() =>
            save(summaryLatex(rows, splitName), 'tracemark-summary.tex', 'application/x-tex')
          }
        >
          Save Summary as LaTeX
        </button>
      </p>
    </section>
  )
}
