import { forwardRef, memo, useEffect, useMemo, useRef } from 'react'
import { commitSpans } from '../../../data/annotations'
import { useSelectedSpanAfter } from '../use-selected-after'
import type { Annotation, Relation, Taxonomy } from '../../../lib/traces/trace-model'
import { useUiStore } from '../../../stores/ui-store'

/**
 * The selected span: its label, note (`e` to write it) and relations; and every relation of
 * the trace, each removable (`v` / `V` select one, Delete removes it). Changes go through the
 * undo log.
 */
export const SpanDetail = memo(
  forwardRef<
    HTMLInputElement,
    {
      traceId: string
      annotations: Annotation[]
      relations: readonly Relation[]
      taxonomy: Taxonomy
    }
  >(function SpanDetail({ traceId, annotations, relations, taxonomy }, noteRef) {
    const selectedId = useSelectedSpanAfter()
    const selectedRelationId = useUiStore((s) => s.selectedRelationId)
    const list = useRef<HTMLUListElement>(null)
    useEffect(() => {
      if (!selectedRelationId) return
      list.current
        ?.querySelector('[aria-current="true"]')
        ?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    }, [selectedRelationId])
    // The spans the relations name, not a map of every span (thousands) on each selection.
    const byId = useMemo(() => {
      const ends = new Set(relations.flatMap((r) => [r.from, r.to]))
      return new Map(annotations.filter((a) => ends.has(a.id)).map((a) => [a.id, a]))
    }, [annotations, relations])
    const span = selectedId ? annotations.find((a) => a.id === selectedId) : undefined
    const name = (id: string) => taxonomy.labels.find((l) => l.id === id)?.name ?? id
    const quote = (id: string) => byId.get(id)?.quote.slice(0, 30) ?? '(gone)'
    return (
      <section className="panel span-detail" aria-labelledby="span-detail-heading">
        <h2 id="span-detail-heading">Selected span</h2>
        {span ? (
          <>
            <p className="small">
              <strong>{name(span.label)}</strong> “{span.quote.slice(0, 120)}” · <kbd>r</kbd>{' '}
              relabel · <kbd>c</kbd> relation · <kbd>Delete</kbd>
            </p>
            <label className="span-note">
              Note <kbd>e</kbd>{' '}
              <input
                ref={noteRef}
                key={`${span.id}:${span.note}`}
                defaultValue={span.note}
                onBlur={(e) => {
                  const note = e.target.value
                  if (note === span.note) return
                  void commitSpans('write the span note', {
                    traceId,
                    put: [{ ...span, note, updatedAt: Date.now() }],
                  })
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === 'Escape') {
                    e.preventDefault()
                    e.currentTarget.blur()
                  }
                }}
              />
            </label>
          </>
        ) : (
          <p className="muted small">None: . and , select spans, Enter the one under the cursor.</p>
        )}
        <h3 className="small">
          Relations ({relations.length}) · <kbd>v</kbd> selects · <kbd>Delete</kbd>
        </h3>
        <ul className="relation-list" aria-label="Relations" ref={list}>
          {relations.map((r) => (
            <li
              key={r.id}
              data-testid="relation-item"
              aria-current={r.id === selectedRelationId ? 'true' : undefined}
              className={r.id === selectedRelationId ? 'selected' : undefined}
            >
              “{quote(r.from)}” <strong>{r.label}</strong> “{quote(r.to)}”{' '}
              <button
                type="button"
                className="link"
                aria-label={`Delete relation ${r.label}`}
                onClick={() =>
                  void commitSpans(`delete the relation ${r.label}`, {
                    traceId,
                    removeRelations: [r.id],
                  })
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </section>
    )
  }),
)
