/// <reference lib="webworker" />
import { expose } from 'comlink'
import { TracemarkDB } from '../db/database'
import { runImport } from './import-job'
import { workerMetrics } from './metrics-computer'
import { previewFile, previewUrl } from './import-preview'
import type { ImportWorkerApi } from './import-protocol'

const db = new TracemarkDB()
let controller = new AbortController()

const api: ImportWorkerApi = {
  preview: previewFile,
  previewUrl,
  async run(file, request, onProgress) {
    controller = new AbortController()
    const metrics = workerMetrics(request.lexicon)
    try {
      return await runImport(db, file, request, onProgress, controller.signal, metrics)
    } finally {
      metrics.close()
    }
  },
  cancel: () => controller.abort(),
}

expose(api)
