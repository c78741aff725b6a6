/** Span writes of the reader and annotate screens; each failure is shown to the user. */
import { addAnnotation, deleteAnnotation } from '../db/annotations'
import { db } from '../db/instance'
import { newId } from '../lib/traces/ids'
import type { Annotation, TextField } from '../lib/traces/trace-model'
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

/** Stores a new span; resolves with it, or undefined when the write failed (the user is told). */
export async function createSpan(input: NewSpan): Promise<Annotation | undefined> {
  const annotation = manualSpan(input)
  const saved = await runWrite(`save the span “${annotation.quote.slice(0, 30)}”`, () =>
    addAnnotation(db, annotation).then(() => annotation),
  )
  return saved
}

/** Deletes a span (and its relations); resolves false when the write failed (the user is told). */
export async function removeSpan(id: string): Promise<boolean> {
  const done = await runWrite('delete the span', () => deleteAnnotation(db, id).then(() => true))
  return done === true
}
