import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../../db/instance'
import { listReadyDatasets } from '../../db/datasets'
import { markDeleting, purgeDeletingDatasets } from '../../db/dataset-removal'
import type { Dataset } from '../../lib/traces/trace-model'

/** Ready datasets, live; `undefined` while the first read runs. */
export function useDatasets(): Dataset[] | undefined {
  return useLiveQuery(() => listReadyDatasets(db), [])
}

/** Hides the dataset at once; its rows are then removed in small steps in the background. */
export async function removeDataset(id: string): Promise<void> {
  await markDeleting(db, id)
  await purgeDeletingDatasets(db)
}
