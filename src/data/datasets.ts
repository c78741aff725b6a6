/** Datasets: the live queries and writes every feature shares. */
import { useLiveQuery } from 'dexie-react-hooks'
import { getDataset, listReadyDatasets } from '../db/datasets'
import { markDeleting, purgeDeletingDatasets } from '../db/dataset-removal'
import { db } from '../db/instance'
import type { Dataset } from '../lib/traces/trace-model'
import { notify, reasonOf } from './notify'
import { runWrite, startWrite } from './write'

/** Ready datasets (not those still importing), oldest first; `undefined` while loading. */
export function useReadyDatasets(): Dataset[] | undefined {
  return useLiveQuery(() => listReadyDatasets(db), [])
}

export function useDataset(id: string): Dataset | undefined {
  return useLiveQuery(() => getDataset(db, id), [id])
}

/**
 * Deletes a dataset with its traces and spans: hidden at once, its rows removed in small steps
 * in the background (resumed at the next start if cut off); a failure is shown to the user.
 */
export async function removeDataset(dataset: Pick<Dataset, 'id' | 'name'>): Promise<void> {
  await runWrite(`delete the dataset ${dataset.name}`, async () => {
    await markDeleting(db, dataset.id)
    await purgeDeletingDatasets(db)
  })
}

/** Removes, in the background, datasets marked for removal (one a replacement replaced). */
export function purgeRemovedDatasets(): void {
  startWrite('remove the replaced dataset', () => purgeDeletingDatasets(db), { retry: false })
}

/**
 * Watches the background removal of a cancelled import's rows (they are hidden at once). A
 * failure is shown with the dataset's name and a Retry that runs the removal again; unretried,
 * the next start removes them.
 */
export function watchCancelledImportRemoval(name: string, removal: Promise<void>): void {
  const what = `remove the traces of the cancelled import ${name}`
  removal.catch((error: unknown) => {
    console.warn(`write failed: ${what}`, error)
    notify({
      kind: 'error',
      message: `Could not ${what}: ${reasonOf(error)}. They stay hidden; Retry removes them (or the next start does).`,
      retry: () => startWrite(what, () => purgeDeletingDatasets(db)),
    })
  })
}
