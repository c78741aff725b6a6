import type { HighlightLayer } from '../../components/highlighted-text/highlight-layer'
import type { TextAnalysis } from '../../lib/analysis/metrics'
import type { Annotation, Lexicon, Taxonomy } from '../../lib/trace-model'
import type { LayerName } from '../../stores/ui-store'
import { isOrphaned } from './spans'

const BACKTRACK_COLOR = '#dde3ec'
const SELECTED_COLOR = '#fde047'

/** The highlight layers of one text: pivots per category, backtracks, spans per label. */
export function buildLayers(args: {
  text: string
  analysis: TextAnalysis | null
  lexicon: Lexicon
  annotations: Annotation[]
  taxonomy: Taxonomy
  visible: Record<LayerName, boolean>
  selectedId: string | null
}): HighlightLayer[] {
  const { text, analysis, lexicon, annotations, taxonomy, visible, selectedId } = args
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
