/// <reference lib="webworker" />
import { expose } from 'comlink'
import { TracemarkDB } from '../db/database'
import { exportDatasetJsonl, exportTracesJsonl } from './export-job'
import type { ExportWorkerApi } from './export-protocol'

const db = new TracemarkDB()

const api: ExportWorkerApi = {
  exportDataset: (datasetId, onProgress, choice) =>
    exportDatasetJsonl(db, datasetId, onProgress, choice),
  exportTraces: (traceIds, onProgress, choice) =>
    exportTracesJsonl(db, traceIds, onProgress, choice),
}

expose(api)
