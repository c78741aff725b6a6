/**
 * Baselines for `npm run bench`, measured in the same browser as the app: what IndexedDB (through
 * Dexie, from a worker) can write when nothing else is done to the records.
 */
import type { RawPutResult } from './raw-put.worker'

declare global {
  interface Window {
    benchRawPut: (file: File) => Promise<RawPutResult>
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
