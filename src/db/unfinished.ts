/** "Next unfinished trace": the first trace after one, in an order, whose status is not done. */
import type { TracemarkDB } from './database'
import { traceIdPrefix } from '../lib/traces/ids'

const PAGE = 200

/** The first of `ids` (in that order) whose trace exists and is not done; null when none. */
export async function firstUnfinished(db: TracemarkDB, ids: readonly string[]) {
  for (let i = 0; i < ids.length; i += PAGE) {
    const page = ids.slice(i, i + PAGE)
    const rows = await db.traces.bulkGet(page)
    const found = rows.find((t) => t !== undefined && t.status !== 'done')
    if (found) return found.id
  }
  return null
}

/** The first trace after `id` in its dataset's source order that is not done; null when none. */
export async function nextUnfinishedInDataset(db: TracemarkDB, id: string, datasetId: string) {
  const prefix = traceIdPrefix(datasetId)
  const next = await db.traces
    .where('id')
    .between(id, `${prefix}\uffff`, false, false)
    .filter((t) => t.status !== 'done')
    .first()
  return next?.id ?? null
}
