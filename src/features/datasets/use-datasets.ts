import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../../db/instance'
import { deleteDataset, listReadyDatasets } from '../../db/datasets'
import type { Dataset } from '../../lib/traces/trace-model'

/** Ready datasets, live; `undefined` while the first read runs. */
export function useDatasets(): Dataset[] | undefined {
  return useLiveQuery(() => listReadyDatasets(db), [])
}

export function removeDataset(id: string): Promise<void> {
  return deleteDataset(db, id)
}
