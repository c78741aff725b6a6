import { memo, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react'
import { offsetAtFraction, rasteriseMinimap, type MinimapLane } from '../../lib/reader/minimap'
import type { TextAnalysis } from '../../lib/analysis/metrics'
import type { Annotation, Lexicon, Taxonomy } from '../../lib/traces/trace-model'
import { useColorScheme, type ColorScheme } from '../../data/theme'
import type { LayerName } from '../../stores/ui-store'
import { pivotsByCategory, type TextRange } from './build-layers'
import { useIdleValue } from '../schedule/use-idle-value'
import './minimap.css'

/** Marks without a colour of their own, per scheme (a dark strip needs a lighter grey). */
const OTHER_COLOR: Record<ColorScheme, string> = { light: '#64748b', dark: '#94a3b8' }
const MARK_HEIGHT = 3

interface Props {
  length: number
  analysis: TextAnalysis | null
  lexicon: Lexicon
  annotations: Annotation[]
  taxonomy: Taxonomy
  searchHits: TextRange[]
  visible: Record<LayerName, boolean>
  onJump: (offset: number) => void
}

/**
 * A thin strip beside the reasoning: where pivots, backtracks, spans and search hits fall along
 * it, drawn on a canvas from offsets (no element per mark, no DOM range). Clicking a mark
 * jumps to the first of its marks; clicking elsewhere jumps to that point. The canvas carries
 * `data-kinds` (the lanes drawn, with their marks) for tests and tools. Re-drawn only when its
 * own inputs change (not for the reader's message, say).
 */
export const Minimap = memo(function Minimap(props: Props) {
  const { length, analysis, lexicon, taxonomy, searchHits, visible, onJump } = props
  // A new span is drawn in the text in its key press's frame; the strip (a pass over every span
  // and mark) follows when the browser is idle, not in that frame.
  const annotations = useIdleValue(props.annotations)
  const canvas = useRef<HTMLCanvasElement>(null)
  const [size, setSize] = useState({ width: 0, height: 0, ratio: 1 })
  const scheme = useColorScheme()
  const lanes = useMemo(
    () => buildLanes({ analysis, lexicon, annotations, taxonomy, searchHits, visible, scheme }),
    [analysis, lexicon, annotations, taxonomy, searchHits, visible, scheme],
  )
  const raster = useMemo(
    () => rasteriseMinimap(lanes, length, Math.floor(size.height)),
    [lanes, length, size.height],
  )

  useEffect(() => {
    const el = canvas.current
    if (!el) return
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return
      const { width, height } = entry.contentRect
      setSize({ width, height, ratio: window.devicePixelRatio || 1 })
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const el = canvas.current
    const context = el?.getContext('2d')
    if (!el || !context) return
    el.width = Math.round(size.width * size.ratio)
    el.height = Math.round(size.height * size.ratio)
    context.setTransform(size.ratio, 0, 0, size.ratio, 0, 0)
    context.clearRect(0, 0, size.width, size.height)
    lanes.forEach((lane, i) => {
      const x = lane.x[0] * size.width
      const w = (lane.x[1] - lane.x[0]) * size.width
      for (const row of raster.drawn[i] ?? []) {
        context.fillStyle = row.color
        context.fillRect(x, row.y, w, lane.kind === 'search' ? 2 : MARK_HEIGHT)
      }
    })
  }, [lanes, raster, size])

  const rowAt = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect()
    return { y: Math.floor(e.clientY - rect.top), height: Math.max(1, rect.height) }
  }
  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const { y, height } = rowAt(e)
    const hit = raster.hit(y)
    onJump(hit ? hit.row.offset : offsetAtFraction(y / height, length))
  }
  const onMouseMove = (e: MouseEvent<HTMLCanvasElement>) => {
    const { y, height } = rowAt(e)
    const hit = raster.hit(y)
    e.currentTarget.title = hit
      ? `${hit.lane.label}${hit.row.count > 1 ? ` ×${hit.row.count}` : ''} at ${Math.round((y / height) * 100)}%`
      : 'Where pivots, backtracks, spans and search hits fall; click to jump'
  }
  const kinds = lanes
    .filter((_, i) => (raster.drawn[i]?.length ?? 0) > 0)
    .map((l) => l.kind)
    .join(' ')
  return (
    <canvas
      ref={canvas}
      className="minimap"
      data-testid="minimap"
      data-kinds={kinds}
      aria-hidden="true"
      title="Where pivots, backtracks, spans and search hits fall; click to jump"
      onClick={onClick}
      onMouseMove={onMouseMove}
    />
  )
})

function buildLanes(args: {
  analysis: TextAnalysis | null
  lexicon: Lexicon
  annotations: Annotation[]
  taxonomy: Taxonomy
  searchHits: TextRange[]
  visible: Record<LayerName, boolean>
  scheme: ColorScheme
}): MinimapLane[] {
  const { analysis, lexicon, annotations, taxonomy, searchHits, visible, scheme } = args
  const lanes: MinimapLane[] = []
  if (analysis && visible.backtracks) {
    lanes.push({
      kind: 'backtrack',
      label: 'Backtrack',
      x: [0, 0.45],
      ranges: analysis.backtracks,
      colorOf: () => '#94a3b8',
    })
  }
  if (analysis && visible.pivots) {
    const groups = pivotsByCategory(analysis)
    for (const c of lexicon.categories) {
      const ranges = groups.get(c.id) ?? []
      lanes.push({
        kind: `pivot-${c.id}`,
        label: c.name,
        x: [0.08, 0.92],
        ranges,
        colorOf: () => c.color,
      })
    }
  }
  if (visible.annotations) {
    // One lane for every span, in one pass; each row takes the colour of its first span's label.
    const colors = new Map(taxonomy.labels.map((l) => [l.id, l.color]))
    // Each label's shade worked out once, not once per span.
    const shades = new Map<string, string>()
    const spans = annotations.filter((a) => !a.rejected && a.field === 'reasoning')
    lanes.push({
      kind: 'span',
      label: 'Span',
      x: [0.5, 1],
      ranges: spans,
      // Pastel label colours: a darker shade shows on the light strip, the colour itself on the dark.
      colorOf: (i) => {
        const label = spans[i]!.label
        let shade = shades.get(label)
        if (shade === undefined) {
          const color = colors.get(label) ?? OTHER_COLOR[scheme]
          shade = scheme === 'dark' ? color : darker(color)
          shades.set(label, shade)
        }
        return shade
      },
    })
  }
  if (visible.search) {
    lanes.push({
      kind: 'search',
      label: 'Search hit',
      x: [0, 1],
      ranges: searchHits,
      colorOf: () => '#ea580c',
    })
  }
  return lanes
}

/** Label colours are pastel fills; on the strip a span needs a darker shade to stand out. */
function darker(color: string): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1]
  if (!hex) return color
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex
  const channel = (i: number) => Math.round(parseInt(full.slice(i, i + 2), 16) * 0.6)
  return `rgb(${channel(0)} ${channel(2)} ${channel(4)})`
}
