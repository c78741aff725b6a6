import { db } from '../../db/instance'
import { addAnnotation, deleteAnnotation } from '../../db/annotations'
import { newId } from '../../lib/traces/ids'
import type { Annotation, TextField } from '../../lib/traces/trace-model'

/** The reader's writes: one place builds an annotation row. */
export async function createSpan(input: {
  traceId: string
  field: TextField
  text: string
  start: number
  end: number
  label: string
  annotator: string
}): Promise<Annotation> {
  const now = Date.now()
  const annotation: Annotation = {
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
  await addAnnotation(db, annotation)
  return annotation
}

export function removeSpan(id: string): Promise<void> {
  return deleteAnnotation(db, id)
}

/** A span whose quote no longer matches its offsets is orphaned: listed, never drawn or dropped. */
export function isOrphaned(a: Annotation, text: string): boolean {
  return text.slice(a.start, a.end) !== a.quote
}
