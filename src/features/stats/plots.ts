/**
 * The stats view's charts as Observable Plot specifications. Each takes the flat rows of
 * lib/stats (the same rows the CSV export writes) and the dataset colours, and returns Plot's
 * SVG. Groups are split by correctness as facets: "all" first, then correct, incorrect, unknown.
 */
import * as Plot from '@observablehq/plot'
import type {
  DistributionRow,
  PhraseRow,
  PositionRow,
  SummaryRow,
} from '../../lib/stats/style-stats'

export const PLOT_CLASS = 'tm-plot'
const WIDTH = 760
const CORRECTNESS = ['all', 'correct', 'incorrect', 'unknown']

export interface ColourScale {
  domain: string[]
  range: string[]
}

const present = (rows: readonly { correctness: string }[]) =>
  CORRECTNESS.filter((c) => rows.some((r) => r.correctness === c))

function base(colours: ColourScale) {
  return {
    className: PLOT_CLASS,
    width: WIDTH,
    style: { background: 'white' },
    color: { type: 'categorical' as const, domain: colours.domain, range: colours.range },
  }
}

export function distributionPlot(
  rows: DistributionRow[],
  metricLabel: string,
  colours: ColourScale,
) {
  const facets = present(rows)
  return Plot.plot({
    ...base(colours),
    height: 40 + 130 * facets.length,
    marginRight: 80,
    x: { label: metricLabel },
    y: { label: 'share of traces', percent: true, grid: true },
    fy: { domain: facets, label: 'correctness' },
    marks: [
      Plot.rectY(rows, {
        x1: 'x0',
        x2: 'x1',
        y1: 0,
        y2: 'share',
        fy: 'correctness',
        fill: 'dataset',
        fillOpacity: 0.45,
        inset: 0.5,
      }),
      Plot.ruleY([0]),
    ],
  }) as SVGSVGElement
}

export function phrasePlot(rows: PhraseRow[], colours: ColourScale) {
  const facets = present(rows)
  const label = (r: PhraseRow) => `${r.category} · ${r.phrase}`
  const order = [...new Set(rows.map(label))]
  return Plot.plot({
    ...base(colours),
    height: 50 + 16 * order.length,
    marginLeft: 220,
    x: { label: 'occurrences per 1,000 words', grid: true },
    y: { domain: order, label: null },
    fx: { domain: facets, label: 'correctness' },
    marks: [
      Plot.ruleY(order, { stroke: '#eee' }),
      Plot.dot(rows, { x: 'per1kWords', y: label, fx: 'correctness', fill: 'dataset', r: 3.5 }),
    ],
  }) as SVGSVGElement
}

export function positionPlot(rows: PositionRow[], colours: ColourScale) {
  const facets = present(rows)
  return Plot.plot({
    ...base(colours),
    height: 280,
    x: { domain: [0, 1], label: 'position in the reasoning (fraction of its length)' },
    y: { label: 'share of pivots', percent: true, grid: true },
    fx: { domain: facets, label: 'correctness' },
    marks: [
      Plot.lineY(rows, { x: 'position', y: 'share', fx: 'correctness', stroke: 'dataset' }),
      Plot.dot(rows, { x: 'position', y: 'share', fx: 'correctness', fill: 'dataset', r: 2.5 }),
      Plot.ruleY([0]),
    ],
  }) as SVGSVGElement
}

export function pivotTypesPlot(rows: SummaryRow[], colours: ColourScale) {
  const facets = present(rows)
  const defined = rows.filter((r) => r.shareAtLeast3Types !== null)
  const percent = (r: SummaryRow) => (r.shareAtLeast3Types ?? 0) * 100
  return Plot.plot({
    ...base(colours),
    height: 40 + facets.length * (16 + 22 * colours.domain.length),
    marginRight: 80,
    x: { domain: [0, 100], label: 'traces with at least 3 pivot types (%)', grid: true },
    // datasets are told apart by colour (the legend above the chart); names are long
    y: { domain: colours.domain, axis: null },
    fy: { domain: facets, label: 'correctness' },
    marks: [
      Plot.barX(defined, { x: percent, y: 'dataset', fy: 'correctness', fill: 'dataset' }),
      Plot.text(defined, {
        x: percent,
        y: 'dataset',
        fy: 'correctness',
        text: (r: SummaryRow) => `${Math.round(percent(r))}% of ${r.traces}`,
        textAnchor: 'start',
        dx: 4,
      }),
    ],
  }) as SVGSVGElement
}

/**
 * Paired values of one metric per problem: a slope chart, one line per problem from dataset to
 * dataset (in the order given, the reference first), the points in the datasets' colours.
 */
export function slopePlot(
  points: readonly { problemHash: string; dataset: string; value: number }[],
  metricLabel: string,
  colours: ColourScale,
) {
  return Plot.plot({
    ...base(colours),
    height: 360,
    marginLeft: 60,
    marginRight: 40,
    x: { domain: colours.domain, label: null, padding: 0.3 },
    y: { label: metricLabel, grid: true },
    marks: [
      Plot.line(points, {
        x: 'dataset',
        y: 'value',
        z: 'problemHash',
        stroke: '#94a3b8',
        strokeOpacity: 0.6,
      }),
      Plot.dot(points, { x: 'dataset', y: 'value', fill: 'dataset', r: 3.5 }),
    ],
  }) as SVGSVGElement
}

/** Each problem's difference from the reference dataset, one row of dots per other dataset. */
export function differencePlot(
  rows: readonly { problemHash: string; dataset: string; difference: number }[],
  metricLabel: string,
  colours: ColourScale,
) {
  const others = colours.domain.slice(1)
  return Plot.plot({
    ...base(colours),
    height: 60 + 40 * others.length,
    marginLeft: 200,
    x: {
      label: `${metricLabel}: difference from ${colours.domain[0] ?? 'the reference'}`,
      grid: true,
    },
    y: { domain: others, label: null },
    marks: [
      Plot.ruleX([0]),
      Plot.dot(rows, { x: 'difference', y: 'dataset', fill: 'dataset', r: 3.5, fillOpacity: 0.7 }),
    ],
  }) as SVGSVGElement
}
