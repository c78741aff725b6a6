import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../db/instance'
import { deleteOrphanSpans, listOrphanSpans } from '../db/annotations'
import type { Annotation } from '../lib/traces/trace-model'
import { runWrite } from './write'

export function useOrphanSpans(): Annotation[] | undefined {
  return useLiveQuery(() => listOrphanSpans(db), [])
}

export async function deleteOrphans(ids: string[]): Promise<void> {
  await runWrite('delete the orphaned spans', () => deleteOrphanSpans(db, ids))
}
