import { forwardRef, memo } from 'react'
import { SafeText } from '../../../components/safe-text/safe-text'
import { setTraceFields, toggleTraceTag } from '../../../data/annotations'
import { useAnnotator } from '../../../data/annotator'
import type { Taxonomy, Trace, TraceStatus } from '../../../lib/traces/trace-model'
import { hasTag } from '../../../lib/traces/trace-tags'
import { STATUS_KEYS } from '../annotate-keys'
import { STATUS_NAMES } from '../use-annotate-keys'

const STATUSES: TraceStatus[] = ['todo', 'in-progress', 'done']
const KEY_OF = Object.fromEntries(Object.entries(STATUS_KEYS).map(([k, s]) => [s, k]))

interface TracePanelProps {
  trace: Trace
  taxonomy: Taxonomy
  withAnnotator: (run: (annotator: string) => void) => void
}

/**
 * The trace as a whole: its status (keys d / i / o), its tags (the taxonomy's trace labels,
 * `t` then the number; the boxes are this annotator's tags, other annotators' are listed) and a
 * note (`m`). Every change goes through the undo log.
 */
export const TracePanel = memo(
  forwardRef<HTMLTextAreaElement, TracePanelProps>(function TracePanel(
    { trace, taxonomy, withAnnotator },
    noteRef,
  ) {
    const [annotator] = useAnnotator()
    const others = Object.entries(trace.tagsBy ?? {}).filter(([a]) => a !== annotator)
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
            const on = hasTag(trace, annotator, t.id)
            return (
              <label key={t.id} title={t.description}>
                <input
                  type="checkbox"
                  checked={on}
                  onChange={() => withAnnotator((name) => void toggleTraceTag(trace.id, name, t))}
                />
                <kbd>{i + 1}</kbd> {t.name}
              </label>
            )
          })}
          {otherTags.length > 0 && (
            <p className="small muted">Other tags: {otherTags.join(', ')}</p>
          )}
          {others.length > 0 && (
            <ul className="small muted" aria-label="Other annotators' tags">
              {others.map(([name, list]) => (
                <li key={name}>
                  <SafeText text={name} />: {list.length === 0 ? 'no tag' : list.join(', ')}
                </li>
              ))}
            </ul>
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
  }),
)
