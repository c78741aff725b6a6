import { useMemo, useState } from 'react'
import { Link } from 'wouter'
import { InfoTip } from '../../../components/info-tip/info-tip'
import { datasetComparePath } from '../../../lib/compare/compare-link'
import { formatCount } from '../../../lib/text/format'
import {
  definitionOf,
  METRIC_DEFINITIONS,
  type NumericMetric,
} from '../../../lib/analysis/metric-definitions'
import { useStats } from '../use-stats'
import { StatsCharts } from './stats-charts'
import { SummaryTable } from './summary-table'

/** Dataset statistics (DESIGN section 4): per dataset or the table's filter, split by correctness. */
export function StatsPage() {
  const [selected, setSelected] = useState<Set<string> | null>(null)
  const [useFilter, setUseFilter] = useState(false)
  const [metric, setMetric] = useState<NumericMetric>('pivotsPer1k')
  const stats = useStats(selected, useFilter)
  const allIds = useMemo(() => stats?.datasets.map((d) => d.id) ?? [], [stats])

  if (stats === undefined) return <section className="page">Loading…</section>
  const toggle = (id: string) => {
    const next = new Set(selected ?? allIds)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setSelected(next)
  }
  return (
    <section className="page stats-page">
      <header className="page-header">
        <h1>Statistics</h1>
        <div className="spacer" />
        {stats.datasets.length >= 2 && (
          <Link
            href={datasetComparePath(
              stats.datasets
                .filter((d) => selected === null || selected.has(d.id))
                .map((d) => d.id),
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
            <input
              type="checkbox"
              checked={selected === null || selected.has(d.id)}
              onChange={() => toggle(d.id)}
            />{' '}
            {d.name}
          </label>
        ))}
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
      {stats.traces.length > 0 && (
        <>
          <SummaryTable groups={stats.groups} />
          <label className="metric-picker">
            Distribution of{' '}
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
            datasetNames={stats.datasetNames}
            lexicon={stats.lexicon}
            metric={metric}
          />
        </>
      )}
    </section>
  )
}
