import { useMemo, useState } from 'react'
import { downloadBlob } from '../../../components/download/download-blob'
import { InfoTip } from '../../../components/info-tip/info-tip'
import { toCsv } from '../../../lib/stats/csv'
import { pairByProblem } from '../../../lib/stats/paired'
import { formatEstimate } from '../../../lib/stats/summary-export'
import type { Dataset, Trace } from '../../../lib/traces/trace-model'
import { SUMMARY_DEFINITIONS } from '../summary-definitions'
import { isolatedPlain } from '../../../lib/text/bidi'
import './chart-card.css'

/** "Pair by problem": two datasets over the same problems, per-problem differences. */
export function PairPanel({ datasets, traces }: { datasets: Dataset[]; traces: Trace[] }) {
  const [firstId, setFirst] = useState(datasets[0]?.id ?? '')
  const [secondId, setSecond] = useState(datasets[1]?.id ?? '')
  const summary = useMemo(
    () =>
      pairByProblem(
        traces.filter((t) => t.datasetId === firstId),
        traces.filter((t) => t.datasetId === secondId),
      ),
    [traces, firstId, secondId],
  )
  if (datasets.length < 2) return null
  const name = (id: string) => datasets.find((d) => d.id === id)?.name ?? id
  const pick = (label: string, value: string, set: (id: string) => void) => (
    <label>
      {label}{' '}
      <select aria-label={`${label} dataset`} value={value} onChange={(e) => set(e.target.value)}>
        {datasets.map((d) => (
          <option key={d.id} value={d.id}>
            {isolatedPlain(d.name)}
          </option>
        ))}
      </select>
    </label>
  )
  const csv = () =>
    toCsv(
      [
        'problem_hash',
        'problem',
        `${name(firstId)}_per_1k`,
        `${name(secondId)}_per_1k`,
        'difference',
      ],
      summary.problems.map((p) => [
        p.problemHash,
        p.problemPreview,
        p.first,
        p.second,
        p.difference,
      ]),
    )
  return (
    <section className="panel" aria-labelledby="pair-title" data-testid="pair-panel">
      <h2 id="pair-title">
        Pair by problem <InfoTip label="Pair by problem" text={SUMMARY_DEFINITIONS.paired} />
      </h2>
      <p className="pair-controls">
        {pick('First', firstId, setFirst)} {pick('Second', secondId, setSecond)}
      </p>
      {summary.problems.length === 0 ? (
        <p className="muted">These two datasets share no problem.</p>
      ) : (
        <p data-testid="pair-result">
          {summary.problems.length} problems in both. Mean pivots per 1k words{' '}
          {summary.meanFirst?.toFixed(2)} → {summary.meanSecond?.toFixed(2)}; mean difference{' '}
          <strong data-testid="pair-difference">
            {formatEstimate({ value: summary.meanDifference, interval: summary.interval })}
          </strong>{' '}
          (95% paired bootstrap interval); higher in the second for {summary.higher} of{' '}
          {summary.problems.length}.
        </p>
      )}
      <p className="chart-downloads">
        <button
          type="button"
          onClick={() =>
            downloadBlob(new Blob([csv()], { type: 'text/csv' }), 'tracemark-paired.csv')
          }
        >
          Save Pair by problem data as CSV
        </button>
      </p>
    </section>
  )
}
