import { useMemo } from 'react'
import {
  definitionOf,
  EXTRA_DEFINITIONS,
  type NumericMetric,
} from '../../../lib/analysis/metric-definitions'
import { toCsv } from '../../../lib/stats/csv'
import {
  distributionRows,
  MIN_PIVOT_TYPES,
  positionRows,
  summaryRows,
  topPhraseRows,
} from '../../../lib/stats/style-stats'
import type { TraceGroup } from '../../../lib/stats/trace-groups'
import type { Lexicon } from '../../../lib/traces/trace-model'
import {
  distributionPlot,
  phrasePlot,
  pivotTypesPlot,
  positionPlot,
  type ColourScale,
  type PlotFrame,
} from '../plots'
import { ChartCard } from './chart-card'

export function StatsCharts({
  groups,
  colours,
  width,
  splitLabel,
  lexicon,
  metric,
}: {
  groups: TraceGroup[]
  /** Dataset names shown and their colours (the same for a dataset on every chart and visit). */
  colours: ColourScale
  width: number
  splitLabel: string
  lexicon: Lexicon
  metric: NumericMetric
}) {
  const frame: PlotFrame = useMemo(
    () => ({ width, colours, splitLabel }),
    [width, colours, splitLabel],
  )
  const legend = colours.domain.map((label, i) => ({ label, color: colours.range[i]! }))
  // The split's column in every CSV: `correctness`, `finished_or_truncated`, `model`, `tag`.
  const splitHeader = splitLabel.replace(/\s+/g, '_')
  const definition = definitionOf(metric)
  const distribution = useMemo(() => distributionRows(groups, metric), [groups, metric])
  const phrases = useMemo(() => topPhraseRows(groups, lexicon), [groups, lexicon])
  const positions = useMemo(() => positionRows(groups), [groups])
  const summary = useMemo(() => summaryRows(groups), [groups])
  const charts = useMemo(
    () => ({
      distribution: distributionPlot(distribution, definition.label, frame),
      phrases: phrasePlot(phrases, frame),
      positions: positionPlot(positions, frame),
      types: pivotTypesPlot(summary, frame),
    }),
    [distribution, phrases, positions, summary, definition, frame],
  )
  return (
    <>
      <ChartCard
        id="distribution"
        title={`Distribution: ${definition.label}`}
        info={`${definition.definition} Bars give the share of each dataset's traces in each bin, overlaid; rows split by correctness.`}
        chart={charts.distribution}
        legend={legend}
        csv={() =>
          toCsv(
            ['dataset', splitHeader, 'metric', 'bin_start', 'bin_end', 'traces', 'share'],
            distribution.map((r) => [r.dataset, r.split, metric, r.x0, r.x1, r.count, r.share]),
          )
        }
      />
      <ChartCard
        id="phrases"
        title="Top pivot phrases"
        info={`The 10 most frequent phrases of each category of ${lexicon.name}, per 1,000 words of each dataset's reasoning. ${EXTRA_DEFINITIONS.phraseCounts}`}
        chart={charts.phrases}
        legend={legend}
        csv={() =>
          toCsv(
            ['dataset', splitHeader, 'category', 'phrase', 'count', 'per_1k_words'],
            phrases.map((r) => [r.dataset, r.split, r.category, r.phrase, r.count, r.per1kWords]),
          )
        }
      />
      <ChartCard
        id="positions"
        title="Where pivots fall"
        info={`${EXTRA_DEFINITIONS.pivotPositions} Each line gives the share of a dataset's pivots that start in each tenth.`}
        chart={charts.positions}
        legend={legend}
        csv={() =>
          toCsv(
            ['dataset', splitHeader, 'tenth', 'pivots', 'share'],
            positions.map((r) => [r.dataset, r.split, r.bin + 1, r.count, r.share]),
          )
        }
      />
      <ChartCard
        id="pivot-types"
        title={`Traces with at least ${MIN_PIVOT_TYPES} pivot types`}
        info={definitionOf('pivotCategories').definition}
        chart={charts.types}
        legend={legend}
        csv={() =>
          toCsv(
            ['dataset', splitHeader, 'traces', 'share_at_least_3_types'],
            summary.map((r) => [r.dataset, r.split, r.traces, r.shareAtLeast3Types]),
          )
        }
      />
    </>
  )
}
