import { proxy } from 'comlink'
import type {
  ExportChoice,
  ExportProgress,
  ExportSink,
  ExportTarget,
  ExportWorkerApi,
} from './export-protocol'
import ExportWorker from './export.worker?worker'
import { startWorkerJob, type JobHandle } from './worker-job'

/**
 * Runs an export in its own worker; cancelling stops it at once and nothing is downloaded.
 * With `sink`, the file's parts go to it as the worker writes them (and the job resolves with
 * null); a part offered after a cancel is refused, so nothing more reaches the file.
 */
export function startExport(
  onProgress: (p: ExportProgress) => void,
  target: ExportTarget,
  choice?: ExportChoice,
  sink?: ExportSink,
): JobHandle<Blob | null> {
  let stopped = false
  const emit = sink
    ? proxy<ExportSink>((part) =>
        stopped ? Promise.reject(new Error('export cancelled')) : sink(part),
      )
    : undefined
  const handle = startWorkerJob<ExportWorkerApi, ExportProgress, Blob | null>({
    worker: ExportWorker,
    onProgress,
    run: (api, progress) =>
      'datasetId' in target
        ? api.exportDataset(target.datasetId, progress, choice, emit)
        : api.exportTraces(target.traceIds, progress, choice, emit),
    cancelledMessage: 'Export cancelled.',
  })
  return {
    done: handle.done,
    cancel: () => {
      stopped = true
      return handle.cancel()
    },
  }
}
