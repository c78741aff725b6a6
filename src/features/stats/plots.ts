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
