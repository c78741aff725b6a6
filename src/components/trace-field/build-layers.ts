import type { HighlightLayer } from '../highlighted-text/highlight-layer'
import type { TextAnalysis } from '../../lib/analysis/metrics'
import type { Annotation, Lexicon, Taxonomy } from '../../lib/traces/trace-model'
import type { LayerName } from '../../stores/ui-store'
import { isOrphaned } from '../../lib/text/orphan'

const BACKTRACK_COLOR = '#dde3ec'
const SELECTED_COLOR = '#fde047'
const SEARCH_COLOR = '#ea580c'
const TARGET_COLOR = '#f472b6'

export type TextRange = { start: number; end: number }

/** The highlight layers of one text: pivots per category, backtracks, spans per label. */
export function buildLayers(args: {
  text: string
  analysis: TextAnalysis | null
  lexicon: Lexicon
  annotations: Annotation[]
  taxonomy: Taxonomy
  visible: Record<LayerName, boolean>
  selectedId: string | null
  /** Matches of the table's text search in this text. */
  searchHits?: TextRange[]
  /** A range a deep link or the minimap jumped to, marked for a moment. */
  target?: TextRange | null
}): HighlightLayer[] {
  const { text, analysis, lexicon, annotations, taxonomy, visible, selectedId } = args
  const layers: HighlightLayer[] = []
  if (visible.search && args.searchHits && args.searchHits.length > 0) {
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
        ranges: analysis.pivots.filter((p) => p.categoryId === category.id),
      })
    }
  }
  if (visible.annotations) {
    const drawn = annotations.filter((a) => !a.rejected && !isOrphaned(a, text))
    for (const label of taxonomy.labels) {
      const ranges = drawn.filter((a) => a.label === label.id && a.id !== selectedId)
      if (ranges.length > 0) {
        layers.push({
          key: `span-${label.id}`,
          color: label.color,
          style: 'underline',
          priority: 2,
          ranges,
        })
      }
    }
    const known = new Set(taxonomy.labels.map((l) => l.id))
    const other = drawn.filter((a) => !known.has(a.label) && a.id !== selectedId)
    if (other.length > 0) {
      layers.push({
        key: 'span-other',
        color: '#64748b',
        style: 'underline',
        priority: 2,
        ranges: other,
      })
    }
    const selected = drawn.find((a) => a.id === selectedId)
    if (selected) {
      layers.push({
        key: 'span-selected',
        color: SELECTED_COLOR,
        style: 'strong',
        priority: 3,
        ranges: [selected],
      })
    }
  }
  return layers
}
