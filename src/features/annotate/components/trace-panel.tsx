import { forwardRef } from 'react'
import { setTraceFields } from '../../../data/annotations'
import type { Taxonomy, Trace, TraceStatus } from '../../../lib/traces/trace-model'
import { STATUS_KEYS } from '../annotate-keys'
import { STATUS_NAMES } from '../use-annotate-keys'

const STATUSES: TraceStatus[] = ['todo', 'in-progress', 'done']
const KEY_OF = Object.fromEntries(Object.entries(STATUS_KEYS).map(([k, s]) => [s, k]))

/**
 * The trace as a whole: its status (keys d / i / o), its tags (the taxonomy's trace labels,
 * `t` then the number) and a note (`m`). Every change goes through the undo log.
 */
export const TracePanel = forwardRef<HTMLTextAreaElement, { trace: Trace; taxonomy: Taxonomy }>(
  function TracePanel({ trace, taxonomy }, noteRef) {
    const tags = taxonomy.labels.filter((l) => l.level === 'trace')
    const known = new Set(tags.map((t) => t.id))
    const otherTags = trace.tags.filter((t) => !known.has(t))
    const note = trace.note ?? ''
    return (
      <section className="panel trace-panel" aria-labelledby="trace-panel-heading">
        <h2 id="trace-panel-heading">This trace</h2>
        <fieldset className="trace-status">
          <legend>Status</legend>
          {STATUSES.map((s) => (
            <label key={s}>
              <input
                type="radio"
                name={`status-${trace.id}`}
                checked={trace.status === s}
                onChange={() =>
                  void setTraceFields(trace.id, { status: s }, `mark the trace ${STATUS_NAMES[s]}`)
                }
              />
              {STATUS_NAMES[s]} <kbd>{KEY_OF[s]}</kbd>
            </label>
          ))}
        </fieldset>
        <fieldset className="trace-tags">
          <legend>
            Tags <kbd>t</kbd> then the number
          </legend>
          {tags.length === 0 && <p className="muted small">{taxonomy.name} has no trace labels.</p>}
          {tags.map((t, i) => {
            const on = trace.tags.includes(t.id)
            return (
              <label key={t.id} title={t.description}>
                <input
                  type="checkbox"
                  checked={on}
                  onChange={() =>
                    void setTraceFields(
                      trace.id,
                      { tags: on ? trace.tags.filter((x) => x !== t.id) : [...trace.tags, t.id] },
                      `${on ? 'untag' : 'tag'} ${t.name}`,
                    )
                  }
                />
                <kbd>{i + 1}</kbd> {t.name}
              </label>
            )
          })}
          {otherTags.length > 0 && (
            <p className="small muted">Other tags: {otherTags.join(', ')}</p>
          )}
        </fieldset>
        <label className="trace-note">
          Note <kbd>m</kbd>
          <textarea
            ref={noteRef}
            key={`${trace.id}:${note}`}
            defaultValue={note}
            rows={2}
            onBlur={(e) => {
              if (e.target.value !== note) {
                void setTraceFields(trace.id, { note: e.target.value }, 'write the trace note')
              }
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape' || (e.key === 'Enter' && !e.shiftKey)) {
                e.preventDefault()
                e.currentTarget.blur()
              }
            }}
          />
        </label>
      </section>
    )
  },
)
