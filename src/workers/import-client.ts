/**
 * The page's side of an import: starts a worker per import, relays progress, and owns the
 * import's lifetime. While a dataset is `importing` this tab holds a Web Lock named after it, so
 * that start-up clean-up in another tab leaves a running import alone.
 */
import { proxy, wrap } from 'comlink'
import { db } from '../db/instance'
import { deleteDataset, finishDataset } from '../db/datasets'
import { newId } from '../lib/ids'
import type { Lexicon } from '../lib/trace-model'
import {
  importLockName,
  type ImportProgress,
  type ImportSummary,
  type ImportWorkerApi,
} from './import-protocol'

export interface ImportOptions {
  name: string
  variant: string
  fileName: string
  lexicon: Lexicon
}

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

export function startImport(
  file: Blob,
  options: ImportOptions,
  onProgress: (p: ImportProgress) => void,
): ImportHandle {
  const datasetId = newId()
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' })
  const api = wrap<ImportWorkerApi>(worker)
  let release = () => {}
  const locked = new Promise<void>((acquired) => {
    void navigator.locks.request(importLockName(datasetId), () => {
      acquired()
      return new Promise<void>((r) => (release = r))
    })
  })
  let cancelled = false
  const run = locked.then(() => api.run(file, { ...options, datasetId }, proxy(onProgress)))
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
      await finishDataset(db, datasetId, summary)
      release()
    },
    discard: removeAll,
  }
}

/** The dataset ids whose import some live tab is running (held import locks). */
export async function busyImports(): Promise<Set<string>> {
  const { held = [] } = await navigator.locks.query()
  const prefix = importLockName('')
  const ids = held.flatMap((l) => (l.name?.startsWith(prefix) ? [l.name.slice(prefix.length)] : []))
  return new Set(ids)
}
