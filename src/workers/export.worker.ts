/// <reference lib="webworker" />
import { expose } from 'comlink'
import { TracemarkDB } from '../db/database'
import { exportDatasetJsonl, exportTracesJsonl } from './export-job'
import type { ExportWorkerApi } from './export-protocol'

const db = new TracemarkDB()

const api: ExportWorkerApi = {
  exportDataset: (datasetId, onProgress, choice, emit) =>
    exportDatasetJsonl(db, datasetId, onProgress, choice, emit),
  exportTraces: (traceIds, onProgress, choice, emit) =>
    exportTracesJsonl(db, traceIds, onProgress, choice, emit),
}

expose(api)
