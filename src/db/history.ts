/**
 * Every annotate action on a trace, written with its entry in the undo log (`history`, schema
 * v3) in one transaction: spans put or removed, relations put or removed (those of a removed
 * span go with it), trace status, tags and note. The log keeps each row's state before and
 * after, read inside the transaction, so undo and redo restore exactly what was there, also
 * after a reload or when another tab made the change.
 */
import { newId } from '../lib/traces/ids'
import { hasTag, withTag } from '../lib/traces/trace-tags'
import type {
  Annotation,
  HistoryEntry,
  Relation,
  RowChange,
  TraceFields,
} from '../lib/traces/trace-model'
import type { TracemarkDB } from './database'

export interface AnnotateChange {
  traceId: string
  /** The action in the user's words, shown by undo ("Undone: label Realization"). */
  what: string
  put?: readonly Annotation[]
  remove?: readonly string[]
  putRelations?: readonly Relation[]
  removeRelations?: readonly string[]
  trace?: Partial<TraceFields>
  /**
   * Sets, clears or toggles one tag for one annotator, on the trace as stored when the change is
   * written (so that quick keys each count): `tagsBy` and the `tags` union
   * (lib/traces/trace-tags). For a toggle, `what` is the tag's name, and the entry says
   * "tag <name>" or "untag <name>" by what was done.
   */
  tag?: { annotator: string; tag: string; on: boolean | 'toggle' }
}

/** How many actions of one trace the log keeps (the oldest go first). */
export const HISTORY_LIMIT = 500

function entriesOf(db: TracemarkDB, traceId: string) {
  return db.history
    .where('[traceId+seq]')
    .between([traceId, -Infinity], [traceId, Infinity], true, true)
}

type StoredFields = Partial<Omit<TraceFields, 'tagsBy'>> & {
  tagsBy?: Record<string, string[]> | null
}

function traceFieldsOf(trace: StoredFields, keys: readonly (keyof TraceFields)[]) {
  const out: Partial<TraceFields> = {}
  for (const key of keys) {
    if (key === 'tags') out.tags = [...(trace.tags ?? [])]
    else if (key === 'tagsBy') {
      out.tagsBy = trace.tagsBy
        ? Object.fromEntries(Object.entries(trace.tagsBy).map(([a, tags]) => [a, [...tags]]))
        : null
    } else if (key === 'note') out.note = trace.note ?? ''
    else if (trace.status !== undefined) out.status = trace.status
  }
  return out
}

function normalise(fields: Partial<TraceFields>): Partial<TraceFields> {
  return fields.tags ? { ...fields, tags: [...new Set(fields.tags)].sort() } : fields
}

/** Applies one action and logs it (clearing the redo list); resolves with its entry. */
export async function applyChange(
  db: TracemarkDB,
  change: AnnotateChange,
  limit = HISTORY_LIMIT,
): Promise<HistoryEntry> {
  const put = change.put ?? []
  for (const a of put) {
    if (a.end <= a.start) throw new RangeError(`empty span ${a.start}-${a.end}`)
  }
  const tables = [db.annotations, db.relations, db.traces, db.history]
  return db.transaction('rw', tables, async () => {
    const removed = new Set(change.remove ?? [])
    const spanIds = [...new Set([...put.map((a) => a.id), ...removed])]
    const spansBefore = await db.annotations.bulkGet(spanIds)
    // A removed span's relations go with it (and come back on undo).
    const cascade =
      removed.size === 0
        ? []
        : await db.relations
            .where('traceId')
            .equals(change.traceId)
            .filter((r) => removed.has(r.from) || removed.has(r.to))
            .primaryKeys()
    const putRelations = change.putRelations ?? []
    const removedRelations = new Set([...(change.removeRelations ?? []), ...cascade])
    const relationIds = [...new Set([...putRelations.map((r) => r.id), ...removedRelations])]
    const relationsBefore = await db.relations.bulkGet(relationIds)
    const putById = new Map(put.map((a) => [a.id, a]))
    const relById = new Map(putRelations.map((r) => [r.id, r]))
    const spans: RowChange<Annotation>[] = spanIds.map((id, i) => ({
      id,
      before: spansBefore[i] ?? null,
      after: removed.has(id) ? null : (putById.get(id) ?? null),
    }))
    const relations: RowChange<Relation>[] = relationIds.map((id, i) => ({
      id,
      before: relationsBefore[i] ?? null,
      after: removedRelations.has(id) ? null : (relById.get(id) ?? null),
    }))
    let trace: HistoryEntry['trace']
    let what = change.what
    if (change.trace || change.tag) {
      const row = await db.traces.get(change.traceId)
      if (!row) throw new Error('the trace is gone')
      const fields: Partial<TraceFields> = { ...change.trace }
      if (change.tag) {
        const { annotator, tag } = change.tag
        const on = change.tag.on === 'toggle' ? !hasTag(row, annotator, tag) : change.tag.on
        Object.assign(fields, withTag(row, annotator, tag, on))
        if (change.tag.on === 'toggle') what = `${on ? 'tag' : 'untag'} ${change.what}`
      }
      const after = normalise(fields)
      const keys = Object.keys(after) as (keyof TraceFields)[]
      trace = { before: traceFieldsOf(row, keys), after: traceFieldsOf(after, keys) }
    }
    await restore(db, change.traceId, spans, relations, trace?.after, 'after')
    // Undone entries are always the newest ones (undo walks back, redo forward): the redo
    // list is read from the end, and stops at the first entry still done.
    const undone: string[] = []
    let last: HistoryEntry | undefined
    await entriesOf(db, change.traceId)
      .reverse()
      .until((e) => !e.undone, true)
      .each((e) => {
        if (e.undone) undone.push(e.id)
        else last = e
      })
    if (undone.length > 0) await db.history.bulkDelete(undone)
    const entry: HistoryEntry = {
      id: newId(),
      traceId: change.traceId,
      seq: Math.max(Date.now(), (last?.seq ?? 0) + 1),
      what,
      undone: false,
      spans,
      relations,
      ...(trace ? { trace } : {}),
    }
    await db.history.add(entry)
    const count = await entriesOf(db, change.traceId).count()
    if (count > limit) {
      const old = await entriesOf(db, change.traceId)
        .limit(count - limit)
        .primaryKeys()
      await db.history.bulkDelete(old)
    }
    return entry
  })
}

/** Writes each row's `side` state: rows that did not exist then are removed. */
async function restore(
  db: TracemarkDB,
  traceId: string,
  spans: readonly RowChange<Annotation>[],
  relations: readonly RowChange<Relation>[],
  trace: Partial<TraceFields> | undefined,
  side: 'before' | 'after',
) {
  const goneSpans = spans.filter((c) => c[side] === null).map((c) => c.id)
  const goneRelations = new Set(relations.filter((c) => c[side] === null).map((c) => c.id))
  if (goneSpans.length > 0) {
    const gone = new Set(goneSpans)
    const linked = await db.relations
      .where('traceId')
      .equals(traceId)
      .filter((r) => gone.has(r.from) || gone.has(r.to))
      .primaryKeys()
    for (const id of linked) goneRelations.add(id)
  }
  if (goneRelations.size > 0) await db.relations.bulkDelete([...goneRelations])
  if (goneSpans.length > 0) await db.annotations.bulkDelete(goneSpans)
  const spanRows = spans.flatMap((c) => (c[side] ? [c[side]] : []))
  if (spanRows.length > 0) await db.annotations.bulkPut(spanRows)
  const relationRows = relations.flatMap((c) => (c[side] ? [c[side]] : []))
  if (relationRows.length > 0) await db.relations.bulkPut(relationRows)
  if (trace && Object.keys(trace).length > 0) {
    // A null tagsBy is "the trace had none": the field is removed (Dexie deletes an undefined).
    const { tagsBy, ...rest } = trace
    const by = tagsBy === undefined ? {} : { tagsBy: tagsBy ?? undefined }
    await db.traces.update(traceId, { ...rest, ...by, updatedAt: Date.now() })
  }
}

/** Undoes the trace's last action not undone; resolves with it, or null when there is none. */
export async function undoLast(db: TracemarkDB, traceId: string): Promise<HistoryEntry | null> {
  const tables = [db.annotations, db.relations, db.traces, db.history]
  return db.transaction('rw', tables, async () => {
    const entry = await entriesOf(db, traceId)
      .reverse()
      .filter((e) => !e.undone)
      .first()
    if (!entry) return null
    await restore(db, traceId, entry.spans, entry.relations, entry.trace?.before, 'before')
    await db.history.update(entry.id, { undone: true })
    return entry
  })
}

/** Redoes the trace's earliest undone action; resolves with it, or null when there is none. */
export async function redoNext(db: TracemarkDB, traceId: string): Promise<HistoryEntry | null> {
  const tables = [db.annotations, db.relations, db.traces, db.history]
  return db.transaction('rw', tables, async () => {
    const entry = await entriesOf(db, traceId)
      .filter((e) => e.undone)
      .first()
    if (!entry) return null
    await restore(db, traceId, entry.spans, entry.relations, entry.trace?.after, 'after')
    await db.history.update(entry.id, { undone: false })
    return entry
  })
}

/** How many actions of a trace can be undone and redone. */
export async function historyDepth(
  db: TracemarkDB,
  traceId: string,
): Promise<{ undo: number; redo: number }> {
  const entries = await entriesOf(db, traceId).toArray()
  const redo = entries.filter((e) => e.undone).length
  return { undo: entries.length - redo, redo }
}

/** Deletes a span known only by id (its trace not open here), through the log. */
export async function removeLogged(db: TracemarkDB, id: string, what: string): Promise<boolean> {
  const row = await db.annotations.get(id)
  if (!row) return true
  await applyChange(db, { traceId: row.traceId, what, remove: [id] })
  return true
}

/**
 * Deletes the undo log of every trace whose id starts with `traceIdPrefix` (a dataset's traces,
 * when the dataset goes): useless without them, and each entry holds whole rows. Call inside the
 * transaction that deletes the traces' spans.
 */
export function deleteHistoryOf(db: TracemarkDB, traceIdPrefix: string): Promise<number> {
  return db.history
    .where('[traceId+seq]')
    .between([traceIdPrefix, -Infinity], [`${traceIdPrefix}\uffff`, Infinity], true, true)
    .delete()
}
