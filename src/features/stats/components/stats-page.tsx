import { useMemo, useRef, useState } from 'react'
import { Link } from 'wouter'
import { InfoTip } from '../../../components/info-tip/info-tip'
import { datasetComparePath } from '../../../lib/compare/compare-link'
import { PREF_KEYS, usePref } from '../../../data/prefs'
import { shortNames } from '../../../lib/compare/dataset-labels'
import { datasetColour } from '../../../lib/stats/dataset-colours'
import { SPLITS, type SplitBy } from '../../../lib/stats/trace-groups'
import { formatCount } from '../../../lib/text/format'
import {
  definitionOf,
  METRIC_DEFINITIONS,
  type NumericMetric,
} from '../../../lib/analysis/metric-definitions'
import { useStats } from '../use-stats'
import { useWidth } from '../use-width'
import { PairByProblem } from './pair-by-problem'
import { StatsCharts } from './stats-charts'
import { SummaryTable } from './summary-table'
import './stats-page.css'
import { SafeText } from '../../../components/safe-text/safe-text'
import './stats-controls.css'

const NO_IDS: string[] = []

/**
 * Dataset statistics (DESIGN section 4, issue #9): per dataset or the table's filter, split by
 * correctness, truncation, model or tag; the chosen datasets and split are kept in prefs.
 */
export function StatsPage() {
  const [hidden, setHidden] = usePref<string[]>(PREF_KEYS.statsHiddenDatasets, NO_IDS)
  const [split, setSplit] = usePref<SplitBy>(PREF_KEYS.statsSplit, 'correctness')
  const [useFilter, setUseFilter] = useState(false)
  const [metric, setMetric] = useState<NumericMetric>('pivotsPer1k')
  const selected = useMemo(() => new Set(hidden), [hidden])
  const stats = useStats(null, useFilter, split, selected)
  const panel = useRef<HTMLDivElement | null>(null)
  const width = useWidth(panel)
  const colours = useMemo(() => {
    const byId = datasetColour(stats?.datasets ?? [])
    const chosen = stats?.chosen ?? []
    return { domain: chosen.map((d) => d.name), range: chosen.map((d) => byId.get(d.id)!) }
  }, [stats])
  // Pair by problem: the chosen datasets, the reference (by default the first) first.
  const [referenceId, setReference] = useState<string | null>(null)
  const compared = useMemo(() => {
    const chosen = stats?.chosen ?? []
    const byId = datasetColour(stats?.datasets ?? [])
    const shorts = shortNames(chosen.map((d) => d.name))
    const all = chosen.map((d, i) => ({ dataset: d, short: shorts[i]!, color: byId.get(d.id)! }))
    const reference = all.find((c) => c.dataset.id === referenceId) ?? all[0]
    return reference ? [reference, ...all.filter((c) => c !== reference)] : []
  }, [stats, referenceId])
  const splitLabel = SPLITS.find((s) => s.by === split)?.label ?? split

  if (stats === undefined) return <section className="page">Loading…</section>
  const toggle = (id: string) =>
    setHidden((old) => (old.includes(id) ? old.filter((h) => h !== id) : [...old, id]))
  return (
    <section className="page stats-page">
      <header className="page-header">
        <h1>Statistics</h1>
        <div className="spacer" />
        {stats.datasets.length >= 2 && (
          <Link
            href={datasetComparePath(
              stats.datasets.filter((d) => !selected.has(d.id)).map((d) => d.id),
              metric,
            )}
          >
            Compare datasets (per problem, LLM Comparator export)
          </Link>
        )}
      </header>
      {stats.datasets.length === 0 && (
        <p>
          No datasets yet: <Link href="/">import one</Link>.
        </p>
      )}
      <fieldset className="stats-controls">
        <legend>Traces</legend>
        {stats.datasets.map((d) => (
          <label key={d.id}>
            <input type="checkbox" checked={!selected.has(d.id)} onChange={() => toggle(d.id)} />{' '}
            <SafeText text={d.name} />
          </label>
        ))}
        <label>
          Split by{' '}
          <select
            aria-label="Split by"
            value={split}
            onChange={(e) => setSplit(e.target.value as SplitBy)}
          >
            {SPLITS.map((s) => (
              <option key={s.by} value={s.by}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={useFilter}
            onChange={(e) => setUseFilter(e.target.checked)}
          />{' '}
          Use the table’s current filter{' '}
          <span className="muted small">
            ({stats.filterActive ? 'a filter is set' : 'no filter is set: all traces'})
          </span>
        </label>
        <p className="muted small">
          {formatCount(stats.traces.length)} traces; metrics of the lexicon{' '}
          <strong>{stats.lexicon.name}</strong>.
        </p>
      </fieldset>
      {stats.status.stale > 0 && (
        <p className="panel stale-warning" role="status">
          {formatCount(stats.status.stale)} of these traces have metrics of another lexicon or an
          older version of it, so pivot counts are mixed.{' '}
          <Link href="/lexicons">Recompute them on the Lexicons page</Link>.
        </p>
      )}
      <div ref={panel} className="stats-body">
        {stats.traces.length > 0 && (
          <>
            <SummaryTable
              groups={stats.groups}
              categories={stats.lexicon.categories}
              splitName={splitLabel}
            />
            <label className="metric-picker">
              Metric (its distribution, and pair by problem){' '}
              <select value={metric} onChange={(e) => setMetric(e.target.value as NumericMetric)}>
                {METRIC_DEFINITIONS.map((d) => (
                  <option key={d.key} value={d.key}>
                    {d.label}
                  </option>
                ))}
              </select>{' '}
              <InfoTip label={definitionOf(metric).label} text={definitionOf(metric).definition} />
            </label>
            <StatsCharts
              groups={stats.groups}
              colours={colours}
              width={width - 32}
              splitLabel={splitLabel}
              lexicon={stats.lexicon}
              metric={metric}
            />
            <PairByProblem
              compared={compared}
              traces={stats.traces}
              metric={metric}
              onReference={setReference}
            />
          </>
        )}
      </div>
    </section>
  )
}
