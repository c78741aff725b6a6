import { useMemo } from 'react'
import { InfoTip } from '../../../components/info-tip/info-tip'
import { SafeText } from '../../../components/safe-text/safe-text'
import {
  definitionOf,
  metricValue,
  type NumericMetric,
} from '../../../lib/analysis/metric-definitions'
import { pairedDifferences, slopePoints } from '../../../lib/compare/paired-differences'
import { toCsv } from '../../../lib/stats/csv'
import { pairByProblem, type PairedSummary } from '../../../lib/stats/paired'
import { formatEstimate } from '../../../lib/stats/summary-export'
import { isolatedPlain } from '../../../lib/text/bidi'
import type { Trace } from '../../../lib/traces/trace-model'
import { differencePlot, slopePlot, type ColourScale } from '../plots'
import { SUMMARY_DEFINITIONS } from '../summary-definitions'
import type { ComparedDataset } from '../use-dataset-compare'
import { ChartCard } from './chart-card'
import { PairedList } from './paired-list'

const DIGITS: Partial<Record<NumericMetric, number>> = { pivotsPer1k: 2, firstPivotAt: 2 }

/**
 * "Pair by problem", the one panel for it (the statistics page and the dataset comparison show
 * the same): datasets whose traces answer the same problems, against a reference (the first).
 * For each other dataset, the mean per-problem difference in the chosen metric with its paired
 * bootstrap interval; the slope chart and the differences per problem; the problems sorted by the
 * largest difference, each opening the compare view of its traces.
 */
export function PairByProblem({
  compared,
  traces,
  metric,
  onReference,
}: {
  /** The reference first. */
  compared: ComparedDataset[]
  traces: readonly Trace[]
  metric: NumericMetric
  /** Choosing another reference (a dataset id); no choice is offered without it. */
  onReference?: (id: string) => void
}) {
  const definition = definitionOf(metric)
  const digits = DIGITS[metric] ?? 0
  const colours: ColourScale = useMemo(
    () => ({ domain: compared.map((c) => c.short), range: compared.map((c) => c.color) }),
    [compared],
  )
  const legend = compared.map((c) => ({ label: c.short, color: c.color }))
  const paired = useMemo(
    () =>
      pairedDifferences(
        compared.map((c) => c.dataset.id),
        traces,
        metric,
      ),
    [compared, traces, metric],
  )
  // The mean difference of each other dataset from the reference, with its paired interval.
  const summaries = useMemo(() => {
    const valued = traces.filter((t) => metricValue(t.metrics, metric) !== null)
    const of = (id: string) => valued.filter((t) => t.datasetId === id)
    const reference = compared[0]
    if (!reference) return []
    const first = of(reference.dataset.id)
    return compared.slice(1).map((other) => ({
      other,
      summary: pairByProblem(first, of(other.dataset.id), (t) => metricValue(t.metrics, metric)!),
    }))
  }, [compared, traces, metric])
  const charts = useMemo(() => {
    if (paired.length === 0) return null
    const frame = { width: 760, colours, splitLabel: 'correctness' }
    const differences = paired.flatMap((r) =>
      r.differences.flatMap((d, i) =>
        i === 0 || d === null
          ? []
          : [{ problemHash: r.problemHash, dataset: colours.domain[i]!, difference: d }],
      ),
    )
    return {
      slope: slopePlot(slopePoints(paired, colours.domain), definition.label, frame),
      differences: differencePlot(differences, definition.label, frame),
    }
  }, [paired, definition, colours])
  if (compared.length < 2) return null
  const reference = compared[0]!
  const csv = () =>
    toCsv(
      ['problem_hash', 'problem', ...compared.map((c) => c.dataset.name), 'largest_difference'],
      paired.map((r) => [r.problemHash, r.problemPreview, ...r.values, r.largest]),
    )
  return (
    <section
      className="panel pair-by-problem"
      aria-labelledby="pair-title"
      data-testid="pair-panel"
    >
      <h2 id="pair-title">
        Pair by problem: {definition.label}{' '}
        <InfoTip label="Pair by problem" text={SUMMARY_DEFINITIONS.paired} />
      </h2>
      {onReference && (
        <p className="pair-controls">
          <label>
            Reference{' '}
            <select
              aria-label="Reference dataset"
              value={reference.dataset.id}
              onChange={(e) => onReference(e.target.value)}
            >
              {compared.map((c) => (
                <option key={c.dataset.id} value={c.dataset.id}>
                  {isolatedPlain(c.dataset.name)}
                </option>
              ))}
            </select>
          </label>
        </p>
      )}
      <ul className="pair-results">
        {summaries.map(({ other, summary }) => (
          <PairResult
            key={other.dataset.id}
            reference={reference}
            other={other}
            summary={summary}
            digits={Math.max(digits, 1)}
          />
        ))}
      </ul>
      {charts && (
        <>
          <ChartCard
            id="compare-slope"
            title={`Per problem: ${definition.label}`}
            info="Traces paired by problem (the problem text, normalised). One line per problem, from dataset to dataset; where a dataset holds several traces of a problem, their mean."
            chart={charts.slope}
            legend={legend}
            csv={csv}
          />
          <ChartCard
            id="compare-differences"
            title={`Per-problem differences from ${reference.short}`}
            info={`For each problem both hold: the value in each dataset minus the value in the reference, ${reference.short}.`}
            chart={charts.differences}
            legend={legend}
            csv={csv}
          />
          <PairedList rows={paired} compared={compared} digits={digits} />
        </>
      )}
    </section>
  )
}

function PairResult({
  reference,
  other,
  summary,
  digits,
}: {
  reference: ComparedDataset
  other: ComparedDataset
  summary: PairedSummary
  digits: number
}) {
  const n = summary.problems.length
  if (n === 0)
    return (
      <li className="muted">
        <SafeText text={other.short} /> and <SafeText text={reference.short} /> share no problem.
      </li>
    )
  return (
    <li data-testid="pair-result" data-dataset={other.dataset.name}>
      <strong>
        <SafeText text={other.short} />
      </strong>{' '}
      against <SafeText text={reference.short} />: {n} problems in both; mean{' '}
      {summary.meanFirst?.toFixed(digits)} → {summary.meanSecond?.toFixed(digits)}; mean difference{' '}
      <strong data-testid="pair-difference">
        {formatEstimate({ value: summary.meanDifference, interval: summary.interval }, digits)}
      </strong>{' '}
      (95% paired bootstrap interval); higher in <SafeText text={other.short} /> for{' '}
      {summary.higher} of {n}.
    </li>
  )
}
