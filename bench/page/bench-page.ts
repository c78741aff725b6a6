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

declare global {
  interface Window {
    benchRawPut: (file: File) => Promise<RawPutResult>
    benchAnalysis: (request: AnalysisRequest) => Promise<AnalysisResult>
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
