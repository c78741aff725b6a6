/**
 * Span writes of the reader and annotate screens. Each change is shown at once (the trace's
 * in-memory spans, see trace-spans.ts) and written behind; a failed write is shown to the user
 * and the view goes back to the stored rows.
 */
import { changeAnnotations } from '../db/annotations'
import { db } from '../db/instance'
import { newId } from '../lib/traces/ids'
import type { Annotation, TextField } from '../lib/traces/trace-model'
import { findTraceSpans, traceSpans } from './trace-spans'
import { runWrite } from './write'

export interface NewSpan {
  traceId: string
  field: TextField
  /** The whole text of `field`: the quote is cut from it. */
  text: string
  start: number
  end: number
  label: string
  annotator: string
}

/** The one place that builds a manual annotation row. */
export function manualSpan(input: NewSpan, now = Date.now()): Annotation {
  return {
    id: newId(),
    traceId: input.traceId,
    field: input.field,
    start: input.start,
    end: input.end,
    quote: input.text.slice(input.start, input.end),
    label: input.label,
    note: '',
    annotator: input.annotator,
    origin: 'manual',
    rejected: false,
    createdAt: now,
    updatedAt: now,
  }
}

/** One change to one trace's spans: rows to store (new or changed) and ids to remove. */
export interface SpanChange {
  traceId: string
  put?: Annotation[]
  remove?: string[]
}

/**
 * Applies a change at once and writes it; resolves false when the write failed (the user is
 * told, and the view shows the stored rows again).
 */
export async function commitSpans(what: string, change: SpanChange): Promise<boolean> {
  const put = change.put ?? []
  const remove = change.remove ?? []
  const spans = traceSpans(change.traceId)
  spans.apply({ put, remove })
  const ids = [...put.map((a) => a.id), ...remove]
  const done = await runWrite(what, () => changeAnnotations(db, { put, remove }).then(() => true))
  spans.settle(ids, done !== true)
  return done === true
}

/** Stores a new span; resolves with it, or undefined when the write failed (the user is told). */
export async function createSpan(input: NewSpan): Promise<Annotation | undefined> {
  const annotation = manualSpan(input)
  const ok = await commitSpans(`save the span “${annotation.quote.slice(0, 30)}”`, {
    traceId: input.traceId,
    put: [annotation],
  })
  return ok ? annotation : undefined
}

/** Deletes a span (and its relations); resolves false when the write failed (the user is told). */
export async function removeSpan(id: string, traceId?: string): Promise<boolean> {
  const owner = traceId ?? findTraceSpans(id)?.traceId
  if (owner === undefined) {
    return (
      (await runWrite('delete the span', () =>
        changeAnnotations(db, { put: [], remove: [id] }).then(() => true),
      )) === true
    )
  }
  return commitSpans('delete the span', { traceId: owner, remove: [id] })
}
