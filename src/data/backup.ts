/** The page's side of backup and restore (issue #8): whether a restore would replace work. */
import { hasStoredWork } from '../db/backup'
import { db } from '../db/instance'

/** True when the database holds datasets, spans, lexicons or history (a restore must ask). */
export function databaseHasWork(): Promise<boolean> {
  return hasStoredWork(db)
}
