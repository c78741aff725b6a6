import type { Annotation, Taxonomy, TraceTexts } from '../../../lib/traces/trace-model'
import { useUiStore } from '../../../stores/ui-store'
import { removeSpan } from '../../../data/annotations'
import { isOrphaned } from '../../../lib/text/orphan'

/** The trace's spans in reading order; click to select, Delete or the button to remove. */
export function SpanList({
  annotations,
  texts,
  taxonomy,
}: {
  annotations: Annotation[]
  texts: TraceTexts
  taxonomy: Taxonomy
}) {
  const selectedId = useUiStore((s) => s.selectedAnnotationId)
  const select = useUiStore((s) => s.selectAnnotation)
  const names = new Map(taxonomy.labels.map((l) => [l.id, l.name]))
  const shown = annotations.filter((a) => !a.rejected)
  return (
    <section className="panel" aria-labelledby="spans-heading">
      <h2 id="spans-heading">Spans ({shown.length})</h2>
      {shown.length === 0 && <p className="muted small">No spans yet.</p>}
      <ul className="span-list" aria-label="Spans">
        {shown.map((a) => {
          const orphaned = isOrphaned(a, texts[a.field])
          return (
            <li
              key={a.id}
              data-testid="span-item"
              className={a.id === selectedId ? 'selected' : undefined}
            >
              <button
                type="button"
                className="link"
                aria-pressed={a.id === selectedId}
                onClick={() => select(a.id === selectedId ? null : a.id)}
              >
                <strong>{names.get(a.label) ?? a.label}</strong> “{a.quote.slice(0, 50)}
                {a.quote.length > 50 ? '…' : ''}”
              </button>
              <span className="muted small">
                {' '}
                {a.field} {a.start}–{a.end} · {a.annotator}
                {orphaned && ' · orphaned: the text changed'}
              </span>
              <button
                type="button"
                aria-label={`Delete span ${a.quote.slice(0, 30)}`}
                onClick={() => void removeSpan(a.id)}
              >
                ×
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
