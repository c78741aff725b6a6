import type {
  BackupProgress,
  BackupResult,
  BackupWorkerApi,
  RestoreMode,
  RestoreResult,
} from './backup-protocol'
import BackupWorker from './backup.worker?worker'
import { startWorkerJob, type JobHandle } from './worker-job'

/** Backs the whole database up in its own worker; cancelling stops it and nothing is saved. */
export function startBackup(onProgress: (p: BackupProgress) => void): JobHandle<BackupResult> {
  return startWorkerJob<BackupWorkerApi, BackupProgress, BackupResult>({
    worker: BackupWorker,
    onProgress,
    run: (api, progress) => api.backup(progress),
    cancelledMessage: 'Backup cancelled.',
  })
}

/**
 * Restores a backup in its own worker, replacing or merging. Cancelling terminates the worker: a
 * restore not yet committed (its one transaction) is aborted by IndexedDB with it, so the
 * database stays as it was.
 */
export function startRestore(
  onProgress: (p: BackupProgress) => void,
  file: File,
  mode: RestoreMode,
): JobHandle<RestoreResult> {
  return startWorkerJob<BackupWorkerApi, BackupProgress, RestoreResult>({
    worker: BackupWorker,
    onProgress,
    run: (api, progress) => api.restore(file, mode, progress),
    cancelledMessage: 'Restore cancelled: nothing was changed.',
  })
}
