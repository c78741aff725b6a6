/// <reference lib="webworker" />
import { expose } from 'comlink'
import { TracemarkDB } from '../db/database'
import { runImport } from './import-job'
import type { ImportWorkerApi } from './import-protocol'

const db = new TracemarkDB()

let controller = new AbortController()

const api: ImportWorkerApi = {
  run(file, request, onProgress) {
    controller = new AbortController()
    return runImport(db, file, request, onProgress, controller.signal)
  },
  cancel: () => controller.abort(),
}

expose(api)
