/// <reference lib="webworker" />
import { expose } from 'comlink'
import { TracemarkDB } from '../db/database'
import { exportDatasetJsonl, exportTracesJsonl } from './export-job'
import type { ExportWorkerApi } from './export-protocol'

const db = new TracemarkDB()

const api: ExportWorkerApi = {
  exportDataset: (datasetId, onProgress) => exportDatasetJsonl(db, datasetId, onProgress),
  exportTraces: (traceIds, onProgress) => exportTracesJsonl(db, traceIds, onProgress),
}

expose(api)
