import { proxy, wrap } from 'comlink'
import type { ExportProgress, ExportTarget, ExportWorkerApi } from './export-protocol'

export interface ExportHandle {
  done: Promise<Blob>
  /** Stops the export; nothing is downloaded. */
  cancel(): void
}

export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled')
  }
}

/** Runs an export in its own worker, terminated when the export ends or is cancelled. */
export function startExport(
  target: ExportTarget,
  onProgress: (p: ExportProgress) => void,
): ExportHandle {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' })
  const api = wrap<ExportWorkerApi>(worker)
  let cancel = () => {}
  const cancelled = new Promise<never>((_, reject) => {
    cancel = () => reject(new ExportCancelled())
  })
  const progress = proxy(onProgress)
  const running =
    'datasetId' in target
      ? api.exportDataset(target.datasetId, progress)
      : api.exportTraces(target.traceIds, progress)
  const done = Promise.race([running, cancelled]).finally(() => worker.terminate())
  return { done, cancel }
}
