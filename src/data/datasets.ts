/** Datasets: the live queries and writes every feature shares. */
import { useLiveQuery } from 'dexie-react-hooks'
import { deleteDataset, getDataset, listReadyDatasets } from '../db/datasets'
import { db } from '../db/instance'
import type { Dataset } from '../lib/traces/trace-model'
import { runWrite } from './write'

/** Ready datasets (not those still importing), oldest first; `undefined` while loading. */
export function useReadyDatasets(): Dataset[] | undefined {
  return useLiveQuery(() => listReadyDatasets(db), [])
}

export function useDataset(id: string): Dataset | undefined {
  return useLiveQuery(() => getDataset(db, id), [id])
}

/** Deletes a dataset with its traces and spans; a failure is shown to the user. */
export function removeDataset(dataset: Pick<Dataset, 'id' | 'name'>): Promise<void> {
  return runWrite(`delete the dataset ${dataset.name}`, () => deleteDataset(db, dataset.id)).then(
    () => undefined,
  )
}
