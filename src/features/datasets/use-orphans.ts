import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../../db/instance'
import { deleteOrphanSpans, listOrphanSpans } from '../../db/annotations'
import type { Annotation } from '../../lib/traces/trace-model'

export function useOrphanSpans(): Annotation[] | undefined {
  return useLiveQuery(() => listOrphanSpans(db), [])
}

export function deleteOrphans(ids: string[]): Promise<void> {
  return deleteOrphanSpans(db, ids)
}
