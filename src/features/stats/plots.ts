/**
 * The stats view's charts as Observable Plot specifications. Each takes the flat rows of
 * lib/stats (the same rows the CSV export writes) and the dataset colours, and returns Plot's
 * SVG. Groups are split (by correctness, truncation, model or tag) as facets, `all` first.
 * Charts take the panel's width; facet labels get the room their text needs; dots of several
 * datasets on one row are set apart vertically so none hides another.
 */
import * as Plot from '@observablehq/plot'
import type {
  DistributionRow,
  PhraseRow,
  PositionRow,
  SummaryRow,
} from '../../lib/stats/style-stats'

export const PLOT_CLASS = 'tm-plot'
const MIN_WIDTH = 480

export interface ColourScale {
  domain: string[]
  range: string[]
}

/** How the charts are laid out: the panel's width and what the facets split by. */
export interface PlotFrame {
  width: number
  colours: ColourScale
  /** The split's name, the facets' label ("correctness", "model", ...). */
  splitLabel: string
}

const present = (rows: readonly { split: string }[]) => [...new Set(rows.map((r) => r.split))]

/** Room for the longest facet label at the right edge (about 7 px a character at 12 px). */
const facetMargin = (facets: readonly string[]) =>
  Math.min(220, 24 + 7 * Math.max(8, ...facets.map((f) => f.length)))

function base(frame: PlotFrame) {
  return {
    className: PLOT_CLASS,
    width: Math.max(MIN_WIDTH, Math.floor(frame.width)),
    // The panel's colour, light or dark (a saved chart gets its own white backdrop).
    style: { background: 'var(--panel)' },
    color: {
      type: 'categorical' as const,
      domain: frame.colours.domain,
      range: frame.colours.range,
    },
  }
}

export function distributionPlot(rows: DistributionRow[], metricLabel: string, frame: PlotFrame) {
  const facets = present(rows)
  return Plot.plot({
    ...base(frame),
    height: 40 + 130 * facets.length,
    marginRight: facetMargin(facets),
    x: { label: metricLabel },
    y: { label: 'share of traces', percent: true, grid: true },
    fy: { domain: facets, label: frame.splitLabel },
    marks: [
      Plot.rectY(rows, {
        x1: 'x0',
        x2: 'x1',
        y1: 0,
        y2: 'share',
        fy: 'split',
        fill: 'dataset',
        fillOpacity: 0.45,
        inset: 0.5,
      }),
      Plot.ruleY([0]),
    ],
  }) as SVGSVGElement
}

export function phrasePlot(rows: PhraseRow[], frame: PlotFrame) {
  const facets = present(rows)
  const label = (r: PhraseRow) => `${r.category} · ${r.phrase}`
  const order = [...new Set(rows.map(label))]
  const datasets = frame.colours.domain
  // Each dataset's dot sits at its own height within the phrase's row: equal values never overlap.
  const row = 6 + 7 * datasets.length
  const dy = (i: number) => (i - (datasets.length - 1) / 2) * 7
  return Plot.plot({
    ...base(frame),
    height: 60 + row * order.length,
    marginLeft: 220,
    marginTop: 40,
    x: { label: 'occurrences per 1,000 words', grid: true },
    y: { domain: order, label: null },
    fx: { domain: facets, label: frame.splitLabel },
    marks: [
      Plot.ruleY(order, { stroke: 'currentColor', strokeOpacity: 0.12 }),
      ...datasets.map((d, i) =>
        Plot.dot(
          rows.filter((r) => r.dataset === d),
          { x: 'per1kWords', y: label, fx: 'split', fill: 'dataset', r: 3, dy: dy(i) },
        ),
      ),
    ],
  }) as SVGSVGElement
}

export function positionPlot(rows: PositionRow[], frame: PlotFrame) {
  const facets = present(rows)
  return Plot.plot({
    ...base(frame),
    height: 300,
    marginTop: 40,
    x: { domain: [0, 1], label: 'position in the reasoning (fraction of its length)' },
    y: { label: 'share of pivots', percent: true, grid: true },
    fx: { domain: facets, label: frame.splitLabel },
    marks: [
      Plot.lineY(rows, { x: 'position', y: 'share', fx: 'split', stroke: 'dataset' }),
      Plot.dot(rows, { x: 'position', y: 'share', fx: 'split', fill: 'dataset', r: 2.5 }),
      Plot.ruleY([0]),
    ],
  }) as SVGSVGElement
}

export function pivotTypesPlot(rows: SummaryRow[], frame: PlotFrame) {
  const facets = present(rows)
  const defined = rows.filter((r) => r.shareAtLeast3Types !== null)
  const percent = (r: SummaryRow) => (r.shareAtLeast3Types ?? 0) * 100
  return Plot.plot({
    ...base(frame),
    height: 40 + facets.length * (16 + 22 * frame.colours.domain.length),
    marginRight: facetMargin(facets) + 60,
    x: { domain: [0, 100], label: 'traces with at least 3 pivot types (%)', grid: true },
    // datasets are told apart by colour (the legend above the chart); names are long
    y: { domain: frame.colours.domain, axis: null },
    fy: { domain: facets, label: frame.splitLabel },
    marks: [
      Plot.barX(defined, { x: percent, y: 'dataset', fy: 'split', fill: 'dataset' }),
      Plot.text(defined, {
        x: percent,
        y: 'dataset',
        fy: 'split',
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
  frame: PlotFrame,
) {
  const colours = frame.colours
  return Plot.plot({
    ...base(frame),
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
  frame: PlotFrame,
) {
  const colours = frame.colours
  const others = colours.domain.slice(1)
  return Plot.plot({
    ...base(frame),
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
