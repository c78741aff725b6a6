/// <reference lib="webworker" />
import { expose } from 'comlink'
import { TracemarkDB } from '../db/database'
import { exportDatasetJsonl } from './export-job'
import type { ExportWorkerApi } from './export-protocol'

const db = new TracemarkDB()

const api: ExportWorkerApi = {
  exportDataset: (datasetId, onProgress) => exportDatasetJsonl(db, datasetId, onProgress),
}

expose(api)
