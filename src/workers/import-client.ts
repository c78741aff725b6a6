/**
 * The page's side of an import: a worker per import, previews, progress, and the import's
 * lifetime. While a dataset is `importing` this tab holds a Web Lock named after it, so that
 * start-up clean-up in another tab leaves a running import alone.
 */
import { proxy, wrap, type Remote } from 'comlink'
import { db } from '../db/instance'
import { markDeleting, purgeDeletingDatasets } from '../db/dataset-removal'
import { newId } from '../lib/traces/ids'
import {
  importLockName,
  type DownloadProgress,
  type ImportPreview,
  type ImportProgress,
  type ImportRequest,
  type ImportSummary,
  type ImportWorkerApi,
} from './import-protocol'

export type ImportOptions = Omit<ImportRequest, 'datasetId'>

export interface ImportHandle {
  datasetId: string
  /** Settles when the worker is done: `ready`, or `pending` a decision (stored with the dataset). */
  done: Promise<ImportSummary>
  /**
   * Stops the import at once (the worker is terminated) and hides what it wrote; resolves as
   * soon as that is done, with `cleanup`, the removal of the rows, running in the background.
   */
  cancel(): Promise<{ cleanup: Promise<void> }>
}

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled; nothing was kept.')
  }
}

function spawnWorker(): { api: Remote<ImportWorkerApi>; worker: Worker } {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' })
  return { worker, api: wrap<ImportWorkerApi>(worker) }
}

/** Reads the first records of a file and detects its shape and mapping; writes nothing. */
export async function previewImport(file: Blob, fileName: string): Promise<ImportPreview> {
  const { api, worker } = spawnWorker()
  try {
    return await api.preview(file, fileName)
  } finally {
    worker.terminate()
  }
}

export async function previewImportUrl(
  url: string,
  onProgress: (p: DownloadProgress) => void,
): Promise<ImportPreview> {
  const { api, worker } = spawnWorker()
  try {
    return await api.previewUrl(url, proxy(onProgress))
  } finally {
    worker.terminate()
  }
}

export function startImport(
  file: Blob,
  options: ImportOptions,
  onProgress: (p: ImportProgress) => void,
): ImportHandle {
  const datasetId = newId()
  const request: ImportRequest = { ...options, datasetId }
  const { api, worker } = spawnWorker()
  let release = () => {}
  const locked = new Promise<void>((acquired) => {
    void navigator.locks.request(importLockName(datasetId), () => {
      acquired()
      return new Promise<void>((r) => (release = r))
    })
  })
  let stop: (reason: Error) => void = () => {}
  const stopped = new Promise<never>((_, reject) => (stop = reject))
  const run = Promise.race([locked.then(() => api.run(file, request, proxy(onProgress))), stopped])
  const done = run.then(
    (summary) => {
      worker.terminate()
      release()
      return summary
    },
    (error: unknown) => {
      worker.terminate()
      release()
      throw error
    },
  )
  done.catch(() => {})
  return {
    datasetId,
    done,
    async cancel() {
      // Terminating the worker aborts its open transaction: no batch is written after this.
      worker.terminate()
      stop(new ImportCancelled())
      await markDeleting(db, datasetId)
      release()
      return { cleanup: purgeDeletingDatasets(db) }
    },
  }
}

/** The dataset ids whose import some live tab is running (held import locks). */
export async function busyImports(): Promise<Set<string>> {
  const { held = [] } = await navigator.locks.query()
  const prefix = importLockName('')
  const ids = held.flatMap((l) => (l.name?.startsWith(prefix) ? [l.name.slice(prefix.length)] : []))
  return new Set(ids)
}
