/**
 * The page's side of an import: a worker per import, previews, progress, and the import's
 * lifetime. While a dataset is `importing` this tab holds a Web Lock named after it, so that
 * start-up clean-up in another tab leaves a running import alone.
 */
import { proxy, wrap, type Remote } from 'comlink'
import { db } from '../db/instance'
import { completeDataset, deleteDataset } from '../db/datasets'
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
import type { RestoreProgress, RestoreRequest, RestoreSummary } from './restore-protocol'

export type ImportOptions = Omit<ImportRequest, 'datasetId'>

export interface ImportHandle {
  datasetId: string
  /** Settles when the worker is done: `ready`, or awaiting a decision about bad rows. */
  done: Promise<ImportSummary>
  /** Stops the import and removes everything it wrote. */
  cancel(): Promise<void>
  /** After bad rows: keep the valid ones and make the dataset `ready`. */
  keep(summary: ImportSummary): Promise<void>
  /** After bad rows: remove the import. */
  discard(): Promise<void>
}

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled; nothing was kept.')
  }
}

/** How long a cooperative cancel may take before the worker is killed outright. */
const CANCEL_GRACE_MS = 5000

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
  let cancelled = false
  const run = locked.then(() => api.run(file, request, proxy(onProgress)))
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  const done = run.then(
    (summary) => {
      worker.terminate()
      if (!summary.awaitingDecision) release()
      return summary
    },
    (error: unknown) => {
      worker.terminate()
      release()
      throw cancelled ? new ImportCancelled() : error
    },
  )
  const removeAll = async () => {
    try {
      await deleteDataset(db, datasetId)
    } finally {
      release()
    }
  }
  return {
    datasetId,
    done,
    async cancel() {
      cancelled = true
      void api.cancel()
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), CANCEL_GRACE_MS))
      if ((await Promise.race([settled, timeout])) === 'timeout') worker.terminate()
      // The worker removes its rows itself; this catches a worker that died before it could.
      await removeAll()
    },
    async keep(summary) {
      await completeDataset(db, datasetId, summary, request.replaceDatasetId)
      release()
    },
    discard: removeAll,
  }
}

export interface RestoreHandle {
  done: Promise<RestoreSummary>
  /** Stops the restore; the worker takes back everything it wrote. */
  cancel(): Promise<void>
}

/**
 * Restores a Tracemark export in its own worker. The worker holds the import lock of every
 * dataset it creates and takes back what it wrote when it fails or is cancelled.
 */
export function startRestore(
  file: Blob,
  request: RestoreRequest,
  onProgress: (p: RestoreProgress) => void,
): RestoreHandle {
  const { api, worker } = spawnWorker()
  let cancelled = false
  const run = api.restore(file, request, proxy(onProgress))
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  const done = run.then(
    (summary) => {
      worker.terminate()
      return summary
    },
    (error: unknown) => {
      worker.terminate()
      throw cancelled ? new ImportCancelled() : error
    },
  )
  return {
    done,
    async cancel() {
      cancelled = true
      await api.cancel()
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), CANCEL_GRACE_MS))
      // A worker killed mid-write leaves `importing` datasets, removed at the next start.
      if ((await Promise.race([settled, timeout])) === 'timeout') worker.terminate()
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
