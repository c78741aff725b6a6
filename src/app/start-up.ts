import { db } from '../db/instance'
import { cleanUpAbandonedImports } from '../db/dataset-removal'
import { busyImports } from '../workers/import-client'
import { resumeRecompute } from '../data/recompute'

/** Removes what imports left behind when their tab closed mid-way (DESIGN section 3). */
export async function cleanUpOnStart(): Promise<void> {
  try {
    const busy = await busyImports()
    await cleanUpAbandonedImports(db, (id) => busy.has(id))
  } catch (error) {
    console.error('clean-up of abandoned imports failed', error)
  }
}

/** Resumes a recompute of the metrics that a reload or a closed tab cut off. */
export async function resumeOnStart(): Promise<void> {
  try {
    await resumeRecompute()
  } catch (error) {
    console.error('resuming the recompute failed', error)
  }
}
