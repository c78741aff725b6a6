/** The second key of `t`, `r` and `c`. */
import { commitSpans } from '../../../data/annotations'
import { newId } from '../../../lib/traces/ids'
import type { TraceTexts } from '../../../lib/traces/trace-model'
import { RELATION_LABELS } from '../annotate-keys'
import { type AnnotateKeysOptions, type PendingKey, targetSpan, nameOf } from './key-context'
import { describeRelation } from './relation-keys'
import { toggleTag } from './trace-keys'

/** The second key of `t`, `r` and `c`; false when it does not fit (it then acts on its own). */
export function finishPending(
  waiting: PendingKey,
  key: string,
  o: AnnotateKeysOptions,
  texts: TraceTexts,
  setPending: (p: PendingKey | null) => void,
): boolean {
  switch (waiting.kind) {
    case 'tag': {
      const tags = o.taxonomy.labels.filter((l) => l.level === 'trace')
      const n = Number(key)
      const tag =
        tags.find((l) => l.shortcut !== '' && l.shortcut === key) ??
        (Number.isInteger(n) && n >= 1 ? tags[n - 1] : undefined)
      if (!tag || !o.trace) {
        o.onMessage(`No trace label ${key}.`)
        return true
      }
      return toggleTag(tag, o, o.trace)
    }
    case 'relabel': {
      const label = o.taxonomy.labels.find((l) => l.level === 'span' && l.shortcut === key)
      const span = o.annotations.find((a) => a.id === waiting.spanId)
      if (!label || !span) {
        o.onMessage(label ? 'The span is gone.' : `No label on key ${key}: not relabelled.`)
        return true
      }
      if (span.label === label.id) {
        o.onMessage(`Already ${label.name}.`)
        return true
      }
      const changed = { ...span, label: label.id, updatedAt: Date.now() }
      o.onMessage(`Relabelled ${nameOf(o.taxonomy, span.label)} → ${label.name}.`)
      void commitSpans(`relabel as ${label.name}`, { traceId: texts.traceId, put: [changed] })
      return true
    }
    case 'relation-from': {
      // Moves (to the other span) keep the relation waiting.
      if (key !== 'c') {
        setPending(waiting)
        return false
      }
      const to = targetSpan(o, texts.traceId)
      if (!to || to.id === waiting.spanId) {
        o.onMessage('Select another span (. or ,), then press c again.')
        setPending(waiting)
        return true
      }
      setPending({ kind: 'relation-label', from: waiting.spanId, to: to.id })
      o.onMessage(
        `Relation: ${RELATION_LABELS.map((r, i) => `${i + 1} ${r}`).join(' · ')} (Escape cancels)`,
      )
      return true
    }
    case 'relation-label': {
      const label = RELATION_LABELS[Number(key) - 1]
      if (!label) {
        o.onMessage(`No relation on key ${key}: nothing linked.`)
        return true
      }
      const relation = {
        id: newId(),
        traceId: texts.traceId,
        from: waiting.from,
        to: waiting.to,
        label,
      }
      o.withAnnotator((annotator) => {
        o.onMessage(`Linked ${describeRelation({ ...relation, annotator }, o)}.`)
        void commitSpans(`link two spans (${label})`, {
          traceId: texts.traceId,
          putRelations: [{ ...relation, annotator }],
        })
      })
      return true
    }
  }
}
