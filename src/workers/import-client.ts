/**
 * The page's side of an import: a worker per import, previews, progress, and the import's
 * lifetime. While a dataset is `importing` this tab holds a Web Lock named after it, so that
 * start-up clean-up in another tab leaves a running import alone.
 */
import { db } from '../db/instance'
import { markDeleting, purgeDeletingDatasets } from '../db/dataset-removal'
import { newId } from '../lib/traces/ids'
import {
  importLockName,
  type DownloadProgress,
  type DownloadTooLarge,
  type ImportPreview,
  type ImportProgress,
  type ImportRequest,
  type ImportSummary,
  type ImportWorkerApi,
} from './import-protocol'
import ImportWorker from './import.worker?worker'
import type { RestoreProgress, RestoreRequest, RestoreSummary } from './restore-protocol'
import { spawnWorker, type SpawnedWorker } from './spawn-worker'
import { startWorkerJob, type JobHandle } from './worker-job'

export type ImportOptions = Omit<ImportRequest, 'datasetId'>

export interface ImportHandle {
  datasetId: string
  /** Settles when the worker is done: `ready`, or `pending` a decision (stored with the dataset). */
  done: JobHandle<ImportSummary>['done']
  /**
   * Stops the import at once (the worker is terminated) and hides what it wrote; resolves as
   * soon as that is done, with `cleanup`, the removal of the rows, running in the background.
   */
  cancel(): Promise<{ cleanup: Promise<void> }>
}

export const IMPORT_CANCELLED = 'Import cancelled; nothing was kept.'

/**
 * The worker of the last preview, kept for the import or restore of that preview: one that
 * staged a restore (`staged`) holds its rows; any other is already started (its module loaded,
 * the database open), which spares the import a second worker start (#14).
 */
let kept: { preview: ImportPreview; worker: SpawnedWorker<ImportWorkerApi> } | null = null

/** The kept worker, when it is `preview`'s; any other kept worker is let go. */
function takeKept(preview: ImportPreview | undefined): SpawnedWorker<ImportWorkerApi> | undefined {
  if (kept && preview && kept.preview === preview) {
    const { worker } = kept
    kept = null
    return worker
  }
  void discardStagedRestore()
  return undefined
}

/** How long taking back a staged restore may take before its worker is killed. */
const DISCARD_GRACE_MS = 10_000

/**
 * Reads the first records of a file and detects its shape and mapping. A Tracemark export is
 * read whole, and its valid lines are staged (written as new datasets, hidden until the restore
 * finishes them). The worker is kept for `startImport` or `startRestore` of this preview;
 * `discardStagedRestore` takes back what it staged and stops it.
 */
export async function previewImport(file: Blob, fileName: string): Promise<ImportPreview> {
  await discardStagedRestore()
  const worker = spawnWorker<ImportWorkerApi>(ImportWorker)
  try {
    const preview = await worker.api.preview(file, fileName, true)
    kept = { preview, worker }
    return preview
  } catch (error) {
    worker.terminate()
    throw error
  }
}

/**
 * Takes back what the kept preview staged (the user cancelled, or chose another file) and stops
 * its worker. A staging worker is killed after DISCARD_GRACE_MS at the latest: its `importing`
 * datasets are then removed at the next start (dataset-removal.ts).
 */
export async function discardStagedRestore(): Promise<void> {
  const held = kept
  kept = null
  if (!held) return
  if (!held.preview.staged) {
    held.worker.terminate()
    return
  }
  const grace = new Promise<void>((r) => setTimeout(r, DISCARD_GRACE_MS))
  try {
    await Promise.race([held.worker.api.discardStaged(), grace])
  } catch (error) {
    console.error('discarding a staged restore failed', error)
  } finally {
    held.worker.terminate()
  }
}

/**
 * Downloads a URL (at most `limit` bytes) in a worker and previews it. Cancel kills the worker,
 * which drops the connection at once.
 */
export function previewImportUrl(
  onProgress: (p: DownloadProgress) => void,
  url: string,
  limit: number,
): JobHandle<ImportPreview | DownloadTooLarge> {
  return startWorkerJob<ImportWorkerApi, DownloadProgress, ImportPreview | DownloadTooLarge>({
    worker: ImportWorker,
    onProgress,
    run: (api, progress) => api.previewUrl(url, limit, progress),
    cancelledMessage: 'Download cancelled; nothing was kept.',
  })
}

/**
 * Imports a file into a new dataset. `done` settles when the worker is done: `ready`, or
 * `pending` a decision stored with the dataset. Cancelling kills the worker at once (its open
 * transaction aborts), hides the dataset and leaves the removal of its rows to the background.
 */
export function startImport(
  onProgress: (p: ImportProgress) => void,
  file: Blob,
  options: ImportOptions,
  /** The preview the import is of: its worker, already started, runs the import. */
  preview?: ImportPreview,
): ImportHandle {
  const spawned = takeKept(preview)
  const datasetId = newId()
  const request: ImportRequest = { ...options, datasetId }
  let release = () => {}
  const locked = new Promise<void>((acquired) => {
    navigator.locks
      .request(importLockName(datasetId), () => {
        acquired()
        return new Promise<void>((r) => (release = r))
      })
      .catch((error: unknown) => console.error('import lock failed', error))
  })
  // No cooperative stop: the worker is killed at once, so no batch is written after a cancel.
  const job = startWorkerJob<ImportWorkerApi, ImportProgress, ImportSummary>({
    worker: ImportWorker,
    spawned,
    onProgress,
    run: (api, progress) => locked.then(() => api.run(file, request, progress)),
    cancelledMessage: IMPORT_CANCELLED,
  })
  const done = job.done.finally(() => release())
  done.catch(() => {})
  return {
    datasetId,
    done,
    async cancel() {
      await job.cancel()
      await markDeleting(db, datasetId)
      release()
      return { cleanup: purgeDeletingDatasets(db) }
    },
  }
}

export const RESTORE_CANCELLED = 'Import cancelled; everything it wrote was taken back.'

/**
 * Restores a Tracemark export. The worker holds the import lock of every dataset it creates and
 * takes back what it wrote when it fails or is stopped; a worker killed mid-write leaves
 * `importing` datasets, which the next start cleans up.
 */
export function startRestore(
  onProgress: (p: RestoreProgress) => void,
  file: Blob,
  request: RestoreRequest,
  /** The preview the restore is of: if it staged the restore, its worker finishes it. */
  preview?: ImportPreview,
): JobHandle<RestoreSummary> {
  const spawned = takeKept(preview)
  return startWorkerJob<ImportWorkerApi, RestoreProgress, RestoreSummary>({
    worker: ImportWorker,
    spawned,
    onProgress,
    run: (api, progress) => api.restore(file, request, progress),
    stop: (api) => api.cancel(),
    cancelledMessage: RESTORE_CANCELLED,
  })
}

/** The dataset ids whose import some live tab is running (held import locks). */
export async function busyImports(): Promise<Set<string>> {
  const { held = [] } = await navigator.locks.query()
  const prefix = importLockName('')
  const ids = held.flatMap((l) => (l.name?.startsWith(prefix) ? [l.name.slice(prefix.length)] : []))
  return new Set(ids)
}
