/**
 * Baselines for `npm run bench`, measured in the same browser as the app: what IndexedDB (through
 * Dexie, from a worker) can write when nothing else is done to the records. The workers start
 * through the app's one spawn helper, like every worker of the app.
 */
import { spawnWorker } from '../../src/workers/spawn-worker'
import type { AnalysisApi, AnalysisRequest, AnalysisResult } from './analysis.worker'
import AnalysisWorker from './analysis.worker?worker'
import type { RawPutApi, RawPutResult } from './raw-put.worker'
import RawPutWorker from './raw-put.worker?worker'
import type { AddSpansResult, PlainExportResult, RoundtripApi } from './roundtrip.worker'
import RoundtripWorker from './roundtrip.worker?worker'
import { startExport } from '../../src/workers/export-client'

declare global {
  interface Window {
    benchRawPut: (file: File) => Promise<RawPutResult>
    benchAnalysis: (request: AnalysisRequest) => Promise<AnalysisResult>
    benchAddSpans: (spansPerTrace: number) => Promise<AddSpansResult>
    benchPlainExport: (datasetId: string) => Promise<PlainExportResult>
    benchAppExport: (datasetId: string) => Promise<PlainExportResult>
  }
}

/** One call in a fresh worker, terminated when it returns. */
async function once<Api, R>(
  Module: Parameters<typeof spawnWorker>[0],
  call: (api: ReturnType<typeof spawnWorker<Api>>['api']) => Promise<R>,
): Promise<R> {
  const { api, terminate } = spawnWorker<Api>(Module)
  try {
    return await call(api)
  } finally {
    terminate()
  }
}

window.benchRawPut = (file) =>
  once<RawPutApi, RawPutResult>(RawPutWorker, (api) => api.rawPut(file))

window.benchAnalysis = (request) =>
  once<AnalysisApi, AnalysisResult>(AnalysisWorker, (api) => api.analyse(request))

window.benchAddSpans = (spansPerTrace) =>
  once<RoundtripApi, AddSpansResult>(RoundtripWorker, (api) => api.addSpans(spansPerTrace))

window.benchPlainExport = (datasetId) =>
  once<RoundtripApi, PlainExportResult>(RoundtripWorker, (api) => api.plainExport(datasetId))

/** The app's export of a dataset as Tracemark JSONL: its export client and worker, as the page runs it. */
window.benchAppExport = async (datasetId) => {
  const started = performance.now()
  let traces = 0
  const blob = await startExport((p) => (traces = p.traces), { datasetId }).done
  return { ms: performance.now() - started, bytes: blob?.size ?? 0, traces }
}
