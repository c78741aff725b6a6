/**
 * A dataset put in the place of another (DESIGN section 3, "replace"): spans move to the new
 * trace with the same key; spans whose key the new dataset lacks become orphans (kept, listed,
 * never dropped). The plan is counted first, so the user sees what will happen before it does.
 */
import { ORPHAN_PREFIX, traceIdPrefix } from '../lib/traces/ids'
import type { Trace } from '../lib/traces/trace-model'
import type { TracemarkDB } from './database'

export interface ReplacePlan {
  /** Spans (and relations) on the old dataset's traces. */
  spans: number
  /** Of those, the ones whose trace key the new dataset lacks. */
  orphanSpans: number
}

/** Old trace id → new trace id, for every old trace whose key the new dataset has. */
async function matchByKey(db: TracemarkDB, oldId: string, newId: string) {
  const newByKey = new Map<string, string>()
  await db.traces
    .where('datasetId')
    .equals(newId)
    .each((t) => newByKey.set(t.key, t.id))
  const moveTo = new Map<string, string>()
  const oldTraces = new Map<string, Trace>()
  await db.traces
    .where('datasetId')
    .equals(oldId)
    .each((t) => {
      oldTraces.set(t.id, t)
      const target = newByKey.get(t.key)
      if (target) moveTo.set(t.id, target)
    })
  return { moveTo, oldTraces }
}

export async function planReplace(
  db: TracemarkDB,
  oldId: string,
  newId: string,
): Promise<ReplacePlan> {
  const { moveTo } = await matchByKey(db, oldId, newId)
  let spans = 0
  let orphanSpans = 0
  await db.annotations
    .where('traceId')
    .startsWith(traceIdPrefix(oldId))
    .each((a) => {
      spans += 1
      if (!moveTo.has(a.traceId)) orphanSpans += 1
    })
  return { spans, orphanSpans }
}

/**
 * Puts `newId` in the place of `oldId`: spans and relations move to the new trace of the same
 * key, as do trace tags and status; the others become orphans. The old dataset is marked
 * `deleting` (removed in the background). Call inside a transaction over every table.
 */
export async function replaceDataset(db: TracemarkDB, oldId: string, newId: string): Promise<void> {
  const old = await db.datasets.get(oldId)
  if (!old) return
  const { moveTo, oldTraces } = await matchByKey(db, oldId, newId)
  const now = Date.now()
  const prefix = traceIdPrefix(oldId)
  await db.annotations
    .where('traceId')
    .startsWith(prefix)
    .modify((a) => {
      const target = moveTo.get(a.traceId)
      if (target) {
        a.traceId = target
        return
      }
      const trace = oldTraces.get(a.traceId)
      a.orphanOf = {
        datasetName: old.name,
        key: trace?.key ?? '',
        problemPreview: trace?.problemPreview ?? '',
        orphanedAt: now,
      }
      a.traceId = ORPHAN_PREFIX + a.traceId
    })
  await db.relations
    .where('traceId')
    .startsWith(prefix)
    .modify((r) => {
      r.traceId = moveTo.get(r.traceId) ?? ORPHAN_PREFIX + r.traceId
    })
  for (const [from, to] of moveTo) {
    const t = oldTraces.get(from)!
    const by = t.tagsBy ? { tagsBy: t.tagsBy } : {}
    if (t.tags.length > 0 || t.tagsBy || t.status !== 'todo')
      await db.traces.update(to, { tags: t.tags, ...by, status: t.status, updatedAt: now })
  }
  await db.datasets.update(oldId, { status: 'deleting' })
}
