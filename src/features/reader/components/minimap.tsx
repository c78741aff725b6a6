import { useDeferredValue, useMemo, type MouseEvent } from 'react'
import { binMarks, offsetAtFraction } from '../../../lib/reader/minimap'
import type { TextAnalysis } from '../../../lib/analysis/metrics'
import type { Annotation, Lexicon, Taxonomy } from '../../../lib/traces/trace-model'
import type { LayerName } from '../../../stores/ui-store'
import type { TextRange } from '../../../components/trace-field/build-layers'

const BINS = 240

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

interface Lane {
  kind: string
  label: string
  color: string
  ranges: readonly { start: number }[]
}

/**
 * A thin strip beside the reasoning: where pivots, backtracks, spans and search hits fall along
 * it. Clicking a mark jumps to the first of its marks; clicking elsewhere jumps to that point.
 */
export function Minimap(props: Props) {
  const { length, lexicon, annotations, taxonomy, searchHits, visible, onJump } = props
  // The marks (hundreds of elements) render after the text has painted, never before it.
  const analysis = useDeferredValue(props.analysis, null)
  const lanes = useMemo(() => {
    const out: Lane[] = []
    if (analysis && visible.backtracks) {
      out.push({
        kind: 'backtrack',
        label: 'Backtrack',
        color: '#94a3b8',
        ranges: analysis.backtracks,
      })
    }
    if (analysis && visible.pivots) {
      for (const c of lexicon.categories) {
        const ranges = analysis.pivots.filter((p) => p.categoryId === c.id)
        out.push({ kind: `pivot-${c.id}`, label: c.name, color: c.color, ranges })
      }
    }
    if (visible.annotations) {
      const byLabel = new Map<string, Annotation[]>()
      for (const a of annotations) {
        if (a.rejected || a.field !== 'reasoning') continue
        byLabel.set(a.label, [...(byLabel.get(a.label) ?? []), a])
      }
      for (const [label, ranges] of byLabel) {
        const known = taxonomy.labels.find((l) => l.id === label)
        const color = known?.color ?? '#64748b'
        out.push({ kind: `span-${label}`, label: known?.name ?? label, color, ranges })
      }
    }
    if (visible.search)
      out.push({ kind: 'search', label: 'Search hit', color: '#ea580c', ranges: searchHits })
    return out
  }, [analysis, lexicon, annotations, taxonomy, searchHits, visible])
  const marks = useMemo(
    () => lanes.flatMap((lane) => binMarks(lane.ranges, length, BINS).map((m) => ({ ...m, lane }))),
    [lanes, length],
  )

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>('[data-offset]')
    if (mark) return onJump(Number(mark.dataset.offset))
    const rect = e.currentTarget.getBoundingClientRect()
    onJump(offsetAtFraction((e.clientY - rect.top) / Math.max(1, rect.height), length))
  }
  return (
    <div
      className="minimap"
      data-testid="minimap"
      role="presentation"
      title="Where pivots, backtracks, spans and search hits fall; click to jump"
      onClick={onClick}
    >
      {marks.map((m) => (
        <div
          key={`${m.lane.kind}-${m.position}-${m.offset}`}
          className={`minimap-mark mark-${m.lane.kind.split('-')[0]}`}
          data-testid="minimap-mark"
          data-kind={m.lane.kind}
          data-offset={m.offset}
          title={`${m.lane.label}${m.count > 1 ? ` ×${m.count}` : ''} at ${Math.round(m.position * 100)}%`}
          style={{ top: `${m.position * 100}%`, background: m.lane.color }}
        />
      ))}
    </div>
  )
}
