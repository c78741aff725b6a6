import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../db/instance'
import { keepPendingDataset, listDatasets, listPendingDatasets } from '../db/datasets'
import { markDeleting, purgeDeletingDatasets } from '../db/dataset-removal'
import type { Dataset } from '../lib/traces/trace-model'
import { runWrite } from './write'

/** Imports waiting on the user's decision, live (the question is stored with the dataset). */
export function usePendingImports(): Dataset[] | undefined {
  return useLiveQuery(() => listPendingDatasets(db), [])
}

/** Every dataset by id, whatever its status (to name the one a replacement replaces). */
export function useDatasetNames(): Map<string, string> | undefined {
  return useLiveQuery(
    async () => new Map((await listDatasets(db)).map((d) => [d.id, d.name] as const)),
    [],
  )
}

/** Keeps a pending import; a dataset it replaces is then removed in the background. */
export async function keepPending(dataset: Pick<Dataset, 'id' | 'name'>): Promise<void> {
  await runWrite(`keep the import ${dataset.name}`, async () => {
    await keepPendingDataset(db, dataset.id)
    await purgeDeletingDatasets(db)
  })
}

/** Drops a pending import: hidden at once, its rows removed in the background. */
export async function discardPending(dataset: Pick<Dataset, 'id' | 'name'>): Promise<void> {
  await runWrite(`remove the import ${dataset.name}`, async () => {
    await markDeleting(db, dataset.id)
    await purgeDeletingDatasets(db)
  })
}
