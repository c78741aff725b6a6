import { useState } from 'react'
import { useLocation } from 'wouter'
import { comparePath, MAX_PANES } from '../../../lib/compare/compare-link'
import { correctnessText } from '../../../lib/compare/metrics-strip'
import type { Trace } from '../../../lib/traces/trace-model'
import type { DatasetLabel } from '../use-compare-data'
import { DatasetChip } from './dataset-chip'
import { SafeText } from '../../../components/safe-text/safe-text'

/** More traces answer the problem than fit side by side: pick two to four. */
export function ProblemPicker({
  problem,
  candidates,
  labels,
  initial = [],
}: {
  problem: string
  candidates: Trace[]
  labels: Map<string, DatasetLabel>
  initial?: string[]
}) {
  const [, navigate] = useLocation()
  const [picked, setPicked] = useState<string[]>(initial)
  const toggle = (id: string) =>
    setPicked((old) => (old.includes(id) ? old.filter((x) => x !== id) : [...old, id]))
  const ok = picked.length >= 2 && picked.length <= MAX_PANES
  return (
    <form
      className="panel problem-picker"
      aria-label="Choose traces of this problem"
      onSubmit={(e) => {
        e.preventDefault()
        if (ok) navigate(comparePath({ problem, ids: picked }))
      }}
    >
      <p>
        {candidates.length} traces answer this problem; choose two to {MAX_PANES} to compare.
      </p>
      <ul className="picker-list">
        {candidates.map((t) => {
          const label = labels.get(t.datasetId)
          return (
            <li key={t.id}>
              <label>
                <input
                  type="checkbox"
                  checked={picked.includes(t.id)}
                  onChange={() => toggle(t.id)}
                />{' '}
                {label && <DatasetChip label={label} />} trace <SafeText text={t.key} /> ·{' '}
                {t.model ? <SafeText text={t.model} /> : 'unknown model'} ·{' '}
                {correctnessText(t.correct)} · {t.metrics.words.toLocaleString('en-US')} words ·{' '}
                {t.metrics.pivotsPer1k.toFixed(1)} pivots/1k
              </label>
            </li>
          )
        })}
      </ul>
      <button type="submit" className="primary" disabled={!ok}>
        Compare {picked.length || ''} chosen
      </button>
    </form>
  )
}
