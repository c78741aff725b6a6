import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useMemo, useRef } from 'react'
import type { Annotation, Taxonomy } from '../../../lib/traces/trace-model'
import { useUiStore } from '../../../stores/ui-store'
import { removeSpan } from '../../../data/annotations'
import { traceSpans, usePendingSpans } from '../../../data/trace-spans'
import { afterNextPaint } from '../../../components/schedule/schedule'
import { useSelectedSpanAfter } from '../use-selected-after'
import './span-list.css'

/** Fixed row height (two lines, see span-list.css): rows are never measured. */
const ROW_HEIGHT = 44
const LIST_HEIGHT = 256

/**
 * The trace's spans in reading order, virtualised: thousands of spans cost a screenful of
 * rows. Click selects (a second click keeps it selected); Delete or the button removes.
 * `annotations` are the anchored ones other than rejected suggestions: orphaned spans have
 * their own list (OrphanedSpans).
 */
export const SpanList = memo(function SpanList({
  traceId,
  annotations: shown,
  rejected,
  taxonomy,
}: {
  traceId: string
  annotations: readonly Annotation[]
  /** How many rejected suggestions the trace holds (not listed). */
  rejected: number
  taxonomy: Taxonomy
}) {
  const selectedId = useSelectedSpanAfter()
  // A write that ends redraws the rows' "saving…" state here, not the whole reader.
  usePendingSpans(traceId)
  const pending = traceSpans(traceId)
  const select = useUiStore((s) => s.selectAnnotation)
  const labels = useMemo(() => new Map(taxonomy.labels.map((l) => [l.id, l])), [taxonomy])
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  })
  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : shown.findIndex((a) => a.id === selectedId)),
    [shown, selectedId],
  )
  useEffect(() => {
    if (selectedIndex < 0) return
    // After the frame that draws the selection: scrolling reads the layout, which a new span
    // has just changed (a second layout of the page before the span is painted).
    return afterNextPaint(() => virtualizer.scrollToIndex(selectedIndex, { align: 'auto' }))
  }, [selectedIndex, virtualizer])

  return (
    <section className="panel" aria-labelledby="spans-heading">
      <h2 id="spans-heading">Spans ({shown.length})</h2>
      {rejected > 0 && (
        <p className="muted small" data-testid="rejected-count">
          {rejected} rejected suggestion{rejected === 1 ? '' : 's'} (not offered again)
        </p>
      )}
      {shown.length === 0 && <p className="muted small">No spans yet.</p>}
      <div
        className="span-list-scroll"
        ref={scroller}
        style={{ height: Math.min(virtualizer.getTotalSize(), LIST_HEIGHT) }}
      >
        <ul className="span-list" aria-label="Spans" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const a = shown[item.index]!
            const selected = a.id === selectedId
            const saving = pending.isPending(a.id)
            return (
              <li
                key={a.id}
                data-testid="span-item"
                data-state={saving ? 'saving' : 'saved'}
                className={selected ? 'selected' : undefined}
                aria-setsize={shown.length}
                aria-posinset={item.index + 1}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                <button
                  type="button"
                  className="link span-pick"
                  aria-pressed={selected}
                  onClick={() => select(a.id)}
                >
                  <span
                    className="label-chip"
                    style={{ background: labels.get(a.label)?.color ?? '#e5e7eb' }}
                    data-testid="span-label"
                  >
                    {labels.get(a.label)?.name ?? a.label}
                  </span>{' '}
                  “{a.quote.slice(0, 80)}”
                </button>
                <button
                  type="button"
                  className="span-delete"
                  aria-label={`Delete span ${a.quote.slice(0, 30)}`}
                  onClick={() => void removeSpan(a.id, a.traceId)}
                >
                  ×
                </button>
                <span className="muted small span-meta">
                  {a.field} {a.start}–{a.end} · {a.annotator}
                  {a.origin === 'suggestion' && ' · suggested'}
                  {a.note && ` · note: ${a.note.slice(0, 40)}`}
                  {saving && ' · saving…'}
                </span>
              </li>
            )
          })}
        </ul>
      </div>
    </section>
  )
})
