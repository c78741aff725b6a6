import { db } from '../db/instance'
import { cleanUpAbandonedImports } from '../db/dataset-removal'
import { busyImports } from '../workers/import-client'

/** Removes what imports left behind when their tab closed mid-way (DESIGN section 3). */
export async function cleanUpOnStart(): Promise<void> {
  try {
    const busy = await busyImports()
    await cleanUpAbandonedImports(db, (id) => busy.has(id))
  } catch (error) {
    console.error('clean-up of abandoned imports failed', error)
  }
}
