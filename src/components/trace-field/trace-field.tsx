import { useMemo, useState } from 'react'
import { HighlightedText } from '../highlighted-text/highlighted-text'
import type { HighlightLayer } from '../highlighted-text/highlight-layer'
import type { TextAnalysis } from '../../lib/analysis/metrics'
import type { Annotation, Lexicon, Taxonomy, TextField } from '../../lib/traces/trace-model'
import { selectionRange } from '../../lib/annotate/cursor-moves'
import { useTraceCursor } from '../../stores/cursor-store'
import { useUiStore } from '../../stores/ui-store'
import {
  analysisLayers,
  anchorCheck,
  drawnSpans,
  keepSameLayers,
  markLayers,
  reservedLooks,
  spanChips,
  spanLayers,
  type TextRange,
} from './build-layers'
import { useSearchHits } from './use-search-hits'
import { useTraceSpans } from '../../data/trace-spans'
import './trace-field.css'

interface Props {
  field: TextField
  title: string
  text: string
  analysis: TextAnalysis | null
  lexicon: Lexicon
  annotations: Annotation[]
  taxonomy: Taxonomy
  /** The table's text search, drawn as a layer. */
  query?: string
  /** A range to mark for a moment (deep link, minimap jump). */
  target?: TextRange | null
  /** Layers another view draws over this text (compare: the diff), under the reader's own. */
  extraLayers?: HighlightLayer[]
  /**
   * The trace whose annotation cursor (keyboard) is drawn over this text, as a band over its
   * range (boxes in a layer of their own, not a highlight: see text-cursor.ts). Read here, not by
   * the page: a cursor move re-renders this field only, and changes none of its layers.
   */
  cursorOf?: string
  /** The element that scrolls this field, when not the window (a compare pane). */
  scrollRoot?: HTMLElement | null
  /**
   * The trace whose in-memory spans are drawn, read here at once (data/trace-spans): a new span
   * is drawn in the frame of its key, while the page's `annotations` (the panels') follow after.
   */
  spansOf?: string
}

const NO_LAYERS: HighlightLayer[] = []

/** One stored field of a trace, with its highlight layers. */
export function TraceField({
  field,
  title,
  text,
  analysis,
  lexicon,
  annotations,
  taxonomy,
  query = '',
  target = null,
  extraLayers = NO_LAYERS,
  cursorOf,
  scrollRoot = null,
  spansOf,
}: Props) {
  const visible = useUiStore((s) => s.layers)
  const selectedId = useUiStore((s) => s.selectedAnnotationId)
  const live = useTraceSpans(spansOf) ?? annotations
  const anchored = useMemo(() => anchorCheck(text), [text])
  const drawn = useMemo(() => drawnSpans(live, field, anchored), [live, field, anchored])
  const searchHits = useSearchHits(text, query)
  const cursorSelection = useTraceCursor(cursorOf ?? '')
  const cursor = useMemo(
    () =>
      cursorOf === undefined ? undefined : cursorSelection ? selectionRange(cursorSelection) : null,
    [cursorOf, cursorSelection],
  )
  // Memoised apart (build-layers.ts): a cursor move must not walk every span of the trace.
  const found = useMemo(
    () => analysisLayers(analysis, lexicon, visible),
    [analysis, lexicon, visible],
  )
  const [keepSame] = useState(keepSameLayers)
  const spans = useMemo(
    () =>
      keepSame(
        spanLayers({ annotations: drawn, taxonomy, visible: visible.annotations, selectedId }),
      ),
    [keepSame, drawn, taxonomy, visible.annotations, selectedId],
  )
  const marks = useMemo(
    () => markLayers({ visible, searchHits, target }),
    [visible, searchHits, target],
  )
  const layers = useMemo(
    () => [...extraLayers, ...marks, ...found, ...spans],
    [extraLayers, marks, found, spans],
  )
  const reserved = useMemo(() => reservedLooks(taxonomy), [taxonomy])
  // Not on the selection: selecting a span leaves its chip where it is.
  const chips = useMemo(
    () => (visible.annotations ? spanChips(drawn, taxonomy) : null),
    [visible.annotations, drawn, taxonomy],
  )
  return (
    <section className={`trace-field field-${field}`} aria-label={title}>
      <h2>{title}</h2>
      <HighlightedText
        text={text}
        layers={layers}
        field={field}
        label={title}
        numberSteps={field === 'reasoning' && visible.steps}
        scrollRoot={scrollRoot}
        chips={chips}
        reserved={reserved}
        cursor={cursor}
      />
    </section>
  )
}
