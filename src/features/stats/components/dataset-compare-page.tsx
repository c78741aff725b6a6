import { useMemo, useState } from 'react'
import { Link, useLocation } from 'wouter'
import { downloadBlob } from '../../../components/download/download-blob'
import { notify, reasonOf } from '../../../data/notify'
import { InfoTip } from '../../../components/info-tip/info-tip'
import {
  definitionOf,
  METRIC_DEFINITIONS,
  type NumericMetric,
} from '../../../lib/analysis/metric-definitions'
import { datasetComparePath, type DatasetCompareQuery } from '../../../lib/compare/compare-link'
import { problemsInCommon } from '../../../lib/compare/paired-differences'
import { toCsv } from '../../../lib/stats/csv'
import { distributionRows } from '../../../lib/stats/style-stats'
import { distributionPlot, type ColourScale } from '../plots'
import { comparatorExport, useDatasetCompare, type ComparedDataset } from '../use-dataset-compare'
import { ChartCard } from './chart-card'
import { PairByProblem } from './pair-by-problem'
import './dataset-compare.css'
import { SafeText } from '../../../components/safe-text/safe-text'
import './stats-controls.css'

/**
 * Datasets against each other (DESIGN.md section 5): every metric's distribution overlaid, and
 * where traces pair up by problem, the per-problem values and differences from the reference
 * (the first dataset chosen), with the problems listed by the largest difference.
 */
export function DatasetComparePage({ query }: { query: DatasetCompareQuery }) {
  const [, navigate] = useLocation()
  const metric = (METRIC_DEFINITIONS.find((d) => d.key === query.metric)?.key ??
    'pivotsPer1k') as NumericMetric
  const ids = query.datasetIds
  const data = useDatasetCompare(ids)
  const go = (next: string[], nextMetric = metric) =>
    navigate(datasetComparePath(next, nextMetric), { replace: true })

  if (data === undefined) return <p className="page">Loading…</p>
  const chosen = new Set(ids)
  return (
    <section className="page dataset-compare-page">
      <header className="page-header">
        <h1>Compare datasets</h1>
        <div className="spacer" />
        <Link href="/stats">Statistics of each dataset</Link>
      </header>
      <fieldset className="stats-controls">
        <legend>Datasets (the first chosen is the reference)</legend>
        {data.datasets.map((d) => (
          <label key={d.id}>
            <input
              type="checkbox"
              checked={chosen.has(d.id)}
              onChange={() => go(chosen.has(d.id) ? ids.filter((x) => x !== d.id) : [...ids, d.id])}
            />{' '}
            <span className="swatch" style={{ background: data.colours.get(d.id) }} />{' '}
            <SafeText text={d.name} />
          </label>
        ))}
        {data.compared.length >= 2 && (
          <label>
            Reference{' '}
            <select
              value={ids[0]}
              onChange={(e) => go([e.target.value, ...ids.filter((x) => x !== e.target.value)])}
            >
              {data.compared.map((c) => (
                <option key={c.dataset.id} value={c.dataset.id}>
                  {c.short}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
      {data.compared.length < 2 ? (
        <p>Choose two or more datasets to compare.</p>
      ) : (
        <>
          <label className="metric-picker">
            Metric{' '}
            <select value={metric} onChange={(e) => go(ids, e.target.value as NumericMetric)}>
              {METRIC_DEFINITIONS.map((d) => (
                <option key={d.key} value={d.key}>
                  {d.label}
                </option>
              ))}
            </select>{' '}
            <InfoTip label={definitionOf(metric).label} text={definitionOf(metric).definition} />
          </label>
          <Comparison data={data} metric={metric} />
        </>
      )}
    </section>
  )
}

function Comparison({
  data,
  metric,
}: {
  data: NonNullable<ReturnType<typeof useDatasetCompare>>
  metric: NumericMetric
}) {
  const { compared, groups, traces } = data
  const definition = definitionOf(metric)
  const colours: ColourScale = useMemo(
    () => ({ domain: compared.map((c) => c.short), range: compared.map((c) => c.color) }),
    [compared],
  )
  const legend = compared.map((c) => ({ label: c.short, color: c.color }))
  const distribution = useMemo(() => distributionRows(groups, metric), [groups, metric])
  const paired = useMemo(
    () =>
      problemsInCommon(
        compared.map((c) => c.dataset.id),
        traces,
      ),
    [compared, traces],
  )
  const chart = useMemo(
    () =>
      distributionPlot(distribution, definition.label, {
        width: 760,
        colours,
        splitLabel: 'correctness',
      }),
    [distribution, definition, colours],
  )
  return (
    <>
      <ChartCard
        id="compare-distribution"
        title={`Distribution: ${definition.label}`}
        info={`${definition.definition} Bars give the share of each dataset's traces in each bin, overlaid; rows split by correctness.`}
        chart={chart}
        legend={legend}
        csv={() =>
          toCsv(
            ['dataset', 'correctness', 'metric', 'bin_start', 'bin_end', 'traces', 'share'],
            distribution.map((r) => [r.dataset, r.split, metric, r.x0, r.x1, r.count, r.share]),
          )
        }
      />
      {paired === 0 ? (
        <p className="panel">
          No problem is answered in {compared[0]!.short} and another of these datasets, so there are
          no per-problem differences to show.
        </p>
      ) : (
        <>
          <PairByProblem compared={compared} traces={traces} metric={metric} />
          <ComparatorExports compared={compared} traces={traces} />
        </>
      )}
    </>
  )
}

function ComparatorExports({
  compared,
  traces,
}: {
  compared: ComparedDataset[]
  traces: Parameters<typeof comparatorExport>[2]
}) {
  const [busy, setBusy] = useState(false)
  const reference = compared[0]!
  const run = (other: ComparedDataset) => {
    setBusy(true)
    comparatorExport(reference, other, traces)
      .then((file) => {
        const blob = new Blob([JSON.stringify(file)], { type: 'application/json' })
        downloadBlob(blob, `tracemark-llm-comparator-${reference.short}-vs-${other.short}.json`)
        notify({
          kind: 'success',
          message: `Exported ${file.examples.length} paired problems for LLM Comparator.`,
        })
      })
      .catch((e: unknown) =>
        notify({
          kind: 'error',
          message: `Could not export the comparison: ${reasonOf(e)}`,
          retry: () => run(other),
        }),
      )
      .finally(() => setBusy(false))
  }
  return (
    <section className="panel" aria-labelledby="comparator-title">
      <h2 id="comparator-title">Export for LLM Comparator</h2>
      <p className="muted small">
        One example per problem both datasets answer, each trace as{' '}
        <code>&lt;think&gt;reasoning&lt;/think&gt;answer</code>, style metrics as per-model fields;
        opens in PAIR’s LLM Comparator.
      </p>
      {compared.slice(1).map((other) => (
        <button key={other.dataset.id} type="button" disabled={busy} onClick={() => run(other)}>
          Export {reference.short} vs {other.short} for LLM Comparator
        </button>
      ))}
    </section>
  )
}
