import type { ExportChoice, ExportProgress, ExportTarget, ExportWorkerApi } from './export-protocol'
import ExportWorker from './export.worker?worker'
import { startWorkerJob, type JobHandle } from './worker-job'

/** Runs an export in its own worker; cancelling stops it at once and nothing is downloaded. */
export function startExport(
  onProgress: (p: ExportProgress) => void,
  target: ExportTarget,
  choice?: ExportChoice,
): JobHandle<Blob> {
  return startWorkerJob<ExportWorkerApi, ExportProgress, Blob>({
    worker: ExportWorker,
    onProgress,
    run: (api, progress) =>
      'datasetId' in target
        ? api.exportDataset(target.datasetId, progress, choice)
        : api.exportTraces(target.traceIds, progress, choice),
    cancelledMessage: 'Export cancelled.',
  })
}
