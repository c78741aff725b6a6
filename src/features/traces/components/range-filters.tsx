import { useState } from 'react'
import type { MetricRange, RangeMetric } from '../../../lib/traces/trace-filter'
import { useTraceFilterStore } from '../../../stores/trace-filter-store'

const METRICS: [RangeMetric, string][] = [
  ['chars', 'Characters'],
  ['words', 'Words'],
  ['tokens', 'Tokens'],
  ['steps', 'Steps'],
  ['sentences', 'Sentences'],
  ['pivotTotal', 'Pivots'],
  ['pivotsPer1k', 'Pivots per 1k words'],
  ['pivotCategories', 'Pivot types'],
  ['backtracks', 'Backtracks'],
  ['verifications', 'Verifications'],
]

const parse = (text: string): number | undefined =>
  text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text)

/** Minimum and maximum per metric, bounds included; an empty box is no bound. */
export function RangeFilters() {
  const ranges = useTraceFilterStore((s) => s.filter.ranges)
  const setFilter = useTraceFilterStore((s) => s.setFilter)
  const update = (metric: RangeMetric, change: MetricRange) => {
    const next = { ...ranges[metric], ...change }
    const rest = Object.fromEntries(Object.entries(ranges).filter(([m]) => m !== metric))
    const empty = next.min === undefined && next.max === undefined
    setFilter({ ranges: empty ? rest : { ...rest, [metric]: next } })
  }
  return (
    <fieldset className="filter-group range-filters">
      <legend>Metric ranges</legend>
      {METRICS.map(([metric, name]) => (
        <div key={metric} className="range-row">
          <span>{name}</span>
          <BoundInput
            label={`${name} at least`}
            placeholder="min"
            value={ranges[metric]?.min}
            onValue={(min) => update(metric, { min })}
          />
          <BoundInput
            label={`${name} at most`}
            placeholder="max"
            value={ranges[metric]?.max}
            onValue={(max) => update(metric, { max })}
          />
        </div>
      ))}
    </fieldset>
  )
}

/** A number box that keeps what is typed ("0.") while the store holds the parsed bound. */
function BoundInput(props: {
  label: string
  placeholder: string
  value: number | undefined
  onValue: (v: number | undefined) => void
}) {
  const { label, placeholder, value, onValue } = props
  const [text, setText] = useState(value === undefined ? '' : String(value))
  const [seen, setSeen] = useState(value)
  if (value !== seen) {
    setSeen(value)
    if (parse(text) !== value) setText(value === undefined ? '' : String(value))
  }
  return (
    <input
      type="number"
      aria-label={label}
      placeholder={placeholder}
      value={text}
      onChange={(e) => {
        setText(e.target.value)
        onValue(parse(e.target.value))
      }}
    />
  )
}
