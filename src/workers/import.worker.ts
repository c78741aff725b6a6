/// <reference lib="webworker" />
import { expose } from 'comlink'
import { TracemarkDB } from '../db/database'
import { runImport } from './import-job'
import { workerMetrics } from './metrics-computer'
import { previewFile, previewUrl } from './import-preview'
import type { ImportWorkerApi } from './import-protocol'
import { runRestore } from './restore-job'

const db = new TracemarkDB()
let controller = new AbortController()

const api: ImportWorkerApi = {
  preview: (file, fileName) => previewFile(file, fileName, db),
  previewUrl: (url, limit, onProgress) => previewUrl(url, limit, onProgress, db),
  async run(file, request, onProgress) {
    controller = new AbortController()
    const metrics = workerMetrics(request.lexicon)
    try {
      return await runImport(db, file, request, onProgress, controller.signal, metrics)
    } finally {
      metrics.close()
    }
  },
  async restore(file, request, onProgress) {
    controller = new AbortController()
    return runRestore(db, file, request, onProgress, controller.signal)
  },
  cancel: () => controller.abort(),
}

expose(api)
