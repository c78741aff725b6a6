/**
 * Baselines for `npm run bench`, measured in the same browser as the app: what IndexedDB (through
 * Dexie, from a worker) can write when nothing else is done to the records.
 */
import type { AnalysisRequest, AnalysisResult } from './analysis.worker'
import type { RawPutResult } from './raw-put.worker'

declare global {
  interface Window {
    benchRawPut: (file: File) => Promise<RawPutResult>
    benchAnalysis: (request: AnalysisRequest) => Promise<AnalysisResult>
  }
}

window.benchRawPut = (file) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./raw-put.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<RawPutResult | { error: string }>) => {
      worker.terminate()
      if ('error' in e.data) reject(new Error(e.data.error))
      else resolve(e.data)
    }
    worker.postMessage(file)
  })

window.benchAnalysis = (request) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<AnalysisResult>) => {
      worker.terminate()
      resolve(e.data)
    }
    worker.onerror = (e) => {
      worker.terminate()
      reject(new Error(e.message))
    }
    worker.postMessage(request)
  })
