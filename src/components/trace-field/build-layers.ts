import type { HighlightLayer, HighlightMark, LayerLook } from '../highlighted-text/highlight-layer'
import type { SpanChips } from '../highlighted-text/span-chips'
import type { TextAnalysis } from '../../lib/analysis/metrics'
import type { PivotMatch } from '../../lib/analysis/match-pivots'
import type { Annotation, Lexicon, Taxonomy } from '../../lib/traces/trace-model'
import type { LayerName } from '../../stores/ui-store'
import { isOrphaned } from '../../lib/text/orphan'

const BACKTRACK_COLOR = '#dde3ec'
const SELECTED_COLOR = '#fde047'
const SEARCH_COLOR = '#ea580c'
const TARGET_COLOR = '#f472b6'
const OTHER_COLOR = '#64748b'

export type TextRange = { start: number; end: number }

const NONE: readonly HighlightMark[] = []
const byCategory = new WeakMap<TextAnalysis, Map<string, PivotMatch[]>>()

/** An analysis's pivots grouped by category, once per analysis (layers and minimap share it). */
export function pivotsByCategory(analysis: TextAnalysis): Map<string, PivotMatch[]> {
  let groups = byCategory.get(analysis)
  if (!groups) {
    groups = new Map()
    for (const p of analysis.pivots) {
      const group = groups.get(p.categoryId)
      if (group) group.push(p)
      else groups.set(p.categoryId, [p])
    }
    byCategory.set(analysis, groups)
  }
  return groups
}

/**
 * The highlight layers of one text, in three parts that change at different rates, so that a
 * view can memoise each on its own inputs: a search or a jump rebuilds only `markLayers` (a
 * few ranges), a new span only `spanLayers`, a lexicon change only `analysisLayers`. The painter
 * skips a layer whose `ranges` array is the same as before.
 */

/**
 * The looks of the layers that come and go over a text (the marks of the moment, the selected
 * span, each label's spans): the painter installs their rules up front, so the first jump, the first
 * selected span or the first span of a label does not restyle the whole page.
 */
export function reservedLooks(taxonomy: Taxonomy): LayerLook[] {
  return [
    { key: 'search', color: SEARCH_COLOR, style: 'search' },
    { key: 'target', color: TARGET_COLOR, style: 'strong' },
    { key: 'span-selected', color: SELECTED_COLOR, style: 'strong' },
    { key: 'span-other', color: OTHER_COLOR, style: 'span' },
    ...taxonomy.labels.map((l) => ({
      key: `span-${l.id}`,
      color: l.color,
      style: 'span' as const,
    })),
  ]
}

/**
 * Marks of the moment: the table's search hits and a jump target. (The annotation cursor is not a
 * layer: HighlightedText draws it as boxes of its own, see text-cursor.ts.)
 */
export function markLayers(args: {
  visible: Record<LayerName, boolean>
  /** Matches of the table's text search in this text. */
  searchHits?: TextRange[]
  /** A range a deep link or the minimap jumped to, marked for a moment. */
  target?: TextRange | null
}): HighlightLayer[] {
  const layers: HighlightLayer[] = []
  if (args.visible.search && args.searchHits && args.searchHits.length > 0) {
    layers.push({
      key: 'search',
      color: SEARCH_COLOR,
      style: 'search',
      priority: 4,
      ranges: args.searchHits,
    })
  }
  if (args.target) {
    layers.push({
      key: 'target',
      color: TARGET_COLOR,
      style: 'strong',
      priority: 5,
      ranges: [args.target],
    })
  }
  return layers
}

/** What the analysis found: backtracks, and pivots per lexicon category. */
export function analysisLayers(
  analysis: TextAnalysis | null,
  lexicon: Lexicon,
  visible: Record<LayerName, boolean>,
): HighlightLayer[] {
  const layers: HighlightLayer[] = []
  if (analysis && visible.backtracks) {
    layers.push({
      key: 'backtrack',
      color: BACKTRACK_COLOR,
      style: 'fill',
      priority: 0,
      ranges: analysis.backtracks,
    })
  }
  if (analysis && visible.pivots) {
    for (const category of lexicon.categories) {
      layers.push({
        key: `pivot-${category.id}`,
        color: category.color,
        style: 'fill',
        priority: 1,
        ranges: pivotsByCategory(analysis).get(category.id) ?? NONE,
      })
    }
  }
  return layers
}

/** The drawn spans (`drawnSpans`), one layer per taxonomy label, the selected one on top. */
export function spanLayers(args: {
  annotations: readonly Annotation[]
  taxonomy: Taxonomy
  visible: boolean
  selectedId: string | null
}): HighlightLayer[] {
  const { annotations, taxonomy, visible, selectedId } = args
  const layers: HighlightLayer[] = []
  if (!visible) return layers
  const byLabel = new Map<string, Annotation[]>()
  let selected: Annotation | undefined
  for (const a of annotations) {
    if (a.id === selectedId) {
      selected = a
      continue
    }
    const group = byLabel.get(a.label)
    if (group) group.push(a)
    else byLabel.set(a.label, [a])
  }
  const other: Annotation[] = []
  const known = new Set<string>()
  for (const label of taxonomy.labels) {
    known.add(label.id)
    const ranges = byLabel.get(label.id)
    if (ranges) layers.push(spanLayer(`span-${label.id}`, label.color, ranges))
  }
  for (const [label, ranges] of byLabel) if (!known.has(label)) other.push(...ranges)
  if (other.length > 0) layers.push(spanLayer('span-other', OTHER_COLOR, other))
  if (selected) {
    layers.push({
      key: 'span-selected',
      color: SELECTED_COLOR,
      style: 'strong',
      priority: 3,
      ranges: [selected],
    })
  }
  return layers
}

/**
 * The spans of `field` drawn over its text: not rejected suggestions, not orphaned (one pass:
 * the layers and the chips are built from these). `anchored` is the text's `anchorCheck`.
 */
export function drawnSpans(
  annotations: readonly Annotation[],
  field: string,
  anchored: (a: Annotation) => boolean,
): Annotation[] {
  return annotations.filter((a) => a.field === field && !a.rejected && anchored(a))
}

/**
 * Whether a span is anchored in `text` (the orphan rule, lib/text/orphan.ts), answered once per
 * span: a span is never changed in place (an edit stores a new object), so a new span does not
 * check every other span's quote again.
 */
export function anchorCheck(text: string): (a: Annotation) => boolean {
  const known = new WeakMap<Annotation, boolean>()
  return (a) => {
    let anchored = known.get(a)
    if (anchored === undefined) {
      anchored = !isOrphaned(a, text)
      known.set(a, anchored)
    }
    return anchored
  }
}

/**
 * The label chips of a text's drawn spans (`drawnSpans`; HighlightedText places one at each span's start, for
 * the spans near the screen only): the spans in order of start, and each one's label name and
 * colour, looked up when its chip is drawn. Spans come in reading order (data/trace-spans), so
 * this is one pass; they are sorted only if they are not.
 */
export function spanChips(
  annotations: readonly Annotation[],
  taxonomy: Taxonomy,
): SpanChips | null {
  if (annotations.length === 0) return null
  const inOrder = annotations.every((a, i) => i === 0 || a.start >= annotations[i - 1]!.start)
  const marks = inOrder ? annotations : [...annotations].sort((a, b) => a.start - b.start)
  const labels = new Map(taxonomy.labels.map((l) => [l.id, l]))
  return {
    marks,
    chipOf: (i) => {
      const label = labels.get(marks[i]!.label)
      return { text: label?.name ?? marks[i]!.label, color: label?.color ?? OTHER_COLOR }
    },
  }
}

/**
 * Layers of the call before handed back where their marks and look are the same, so that the
 * painter skips them (it skips a layer whose `ranges` are the same array): a new span re-checks
 * its label's layer only, not the trace's thousands of spans. One per view.
 */
export function keepSameLayers(): (layers: HighlightLayer[]) => HighlightLayer[] {
  let previous = new Map<string, HighlightLayer>()
  return (layers) => {
    const next = layers.map((layer) => {
      const before = previous.get(layer.key)
      return before && sameLayer(before, layer) ? before : layer
    })
    previous = new Map(next.map((l) => [l.key, l]))
    return next
  }
}

function sameLayer(a: HighlightLayer, b: HighlightLayer): boolean {
  if (a.color !== b.color || a.style !== b.style || a.priority !== b.priority) return false
  if (a.ranges.length !== b.ranges.length) return false
  for (let i = 0; i < a.ranges.length; i++) if (a.ranges[i] !== b.ranges[i]) return false
  return true
}

function spanLayer(key: string, color: string, ranges: Annotation[]): HighlightLayer {
  return { key, color, style: 'span', priority: 2, ranges }
}
