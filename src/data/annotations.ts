/**
 * Annotate writes of the reader and compare screens: spans, relations, trace status, tags and
 * note. Each goes through the undo log (db/history.ts) in the same transaction, so undo and redo
 * work across reloads. A span change is shown at once (the trace's in-memory spans, see
 * trace-spans.ts) and written behind; a failed write is shown to the user and the view goes
 * back to the stored rows.
 */
import { applyChange, redoNext, removeLogged, undoLast, type AnnotateChange } from '../db/history'
import { useLiveQuery } from 'dexie-react-hooks'
import { listRelations } from '../db/annotations'
import { db } from '../db/instance'
import { firstUnfinished, nextUnfinishedInDataset } from '../db/unfinished'
import { newId } from '../lib/traces/ids'
import type {
  Annotation,
  AnnotationOrigin,
  Relation,
  TextField,
  TraceFields,
} from '../lib/traces/trace-model'
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
  origin?: AnnotationOrigin
  rejected?: boolean
}

/** The one place that builds an annotation row made in the app (manual, or a suggestion). */
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
    origin: input.origin ?? 'manual',
    rejected: input.rejected ?? false,
    createdAt: now,
    updatedAt: now,
  }
}

/** One change to one trace's spans: rows to store (new or changed) and ids to remove. */
export interface SpanChange {
  traceId: string
  put?: Annotation[]
  remove?: string[]
  putRelations?: Relation[]
  removeRelations?: string[]
  trace?: Partial<TraceFields>
  tag?: AnnotateChange['tag']
}

/**
 * Applies a change at once and writes it with its undo entry; resolves false when the write
 * failed (the user is told, and the view shows the stored rows again).
 */
export async function commitSpans(what: string, change: SpanChange): Promise<boolean> {
  const put = change.put ?? []
  const remove = change.remove ?? []
  const spans = traceSpans(change.traceId)
  if (put.length > 0 || remove.length > 0) spans.apply({ put, remove })
  const ids = [...put.map((a) => a.id), ...remove]
  const full: AnnotateChange = { ...change, what }
  const done = await runWrite(what, () => applyChange(db, full).then(() => true))
  if (ids.length > 0) spans.settle(ids, done !== true)
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
    const done = await runWrite('delete the span', () => removeLogged(db, id, 'delete the span'))
    return done === true
  }
  return commitSpans('delete the span', { traceId: owner, remove: [id] })
}

/** Sets trace-level fields (status, tags, note) through the undo log. */
export function setTraceFields(
  traceId: string,
  fields: Partial<TraceFields>,
  what: string,
): Promise<boolean> {
  return commitSpans(what, { traceId, trace: fields })
}

/**
 * Toggles one trace tag as this annotator, on the trace as stored (two quick keys on the same tag
 * set then clear it): their entry in `tagsBy` and the `tags` union, through the undo log
 * (db/history.ts, lib/traces/trace-tags.ts). Resolves with whether the tag is now set, or
 * undefined when the write failed (the user is told).
 */
export async function toggleTraceTag(
  traceId: string,
  annotator: string,
  tag: { id: string; name: string },
): Promise<boolean | undefined> {
  const entry = await runWrite(`tag ${tag.name}`, () =>
    applyChange(db, { traceId, what: tag.name, tag: { annotator, tag: tag.id, on: 'toggle' } }),
  )
  return entry === undefined ? undefined : entry.what.startsWith('tag ')
}

/** Undoes the trace's last action; resolves with what it was, null when nothing is left. */
export async function undo(traceId: string): Promise<string | null | undefined> {
  const entry = await runWrite('undo', () => undoLast(db, traceId), { retry: false })
  return entry === undefined ? undefined : (entry?.what ?? null)
}

/** Redoes the trace's last undone action; resolves with what it was, null when none. */
export async function redo(traceId: string): Promise<string | null | undefined> {
  const entry = await runWrite('redo', () => redoNext(db, traceId), { retry: false })
  return entry === undefined ? undefined : (entry?.what ?? null)
}

/**
 * The next trace not done after `traceId`: in the traces table's order and filter when the
 * trace is in it, else in its dataset's source order; null when every later one is done.
 */
export async function nextUnfinishedTrace(
  traceId: string,
  datasetId: string,
  order: readonly string[],
): Promise<string | null | undefined> {
  const at = order.indexOf(traceId)
  return runWrite(
    'find the next unfinished trace',
    () =>
      at >= 0
        ? firstUnfinished(db, order.slice(at + 1))
        : nextUnfinishedInDataset(db, traceId, datasetId),
    { retry: false },
  )
}

/** A trace's relations, live (other tabs too). */
export function useTraceRelations(traceId: string): Relation[] | undefined {
  return useLiveQuery(() => listRelations(db, traceId), [traceId])
}
