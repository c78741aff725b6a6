/** Trace-level keys: status and tags. */
import { commitSpans, toggleTraceTag } from '../../../data/annotations'
import type { TaxonomyLabel, Trace, TraceStatus } from '../../../lib/traces/trace-model'
import type { AnnotateKeysOptions } from './key-context'

export function setStatus(status: TraceStatus, o: AnnotateKeysOptions): boolean {
  const trace = o.trace
  if (!trace) return false
  const name = STATUS_NAMES[status]
  o.onMessage(`Trace marked ${name}.`)
  void commitSpans(`mark the trace ${name}`, { traceId: trace.id, trace: { status } })
  return true
}

export const STATUS_NAMES: Record<TraceStatus, string> = {
  todo: 'to do',
  'in-progress': 'in progress',
  done: 'done',
}

/** The tag as the annotator: on or off in their own entry (lib/traces/trace-tags.ts). */
export function toggleTag(tag: TaxonomyLabel, o: AnnotateKeysOptions, trace: Trace): boolean {
  o.withAnnotator((annotator) => {
    void toggleTraceTag(trace.id, annotator, tag).then((on) => {
      if (on !== undefined) o.onMessage(on ? `Tagged ${tag.name}.` : `Tag ${tag.name} removed.`)
    })
  })
  return true
}
