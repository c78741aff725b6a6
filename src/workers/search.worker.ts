/// <reference lib="webworker" />
import { expose } from 'comlink'
import { TracemarkDB } from '../db/database'
import { searchTexts } from './search-job'
import type { SearchWorkerApi } from './search-protocol'

const db = new TracemarkDB()

const api: SearchWorkerApi = {
  search: (query, datasetIds, onBatch) => searchTexts(db, query, datasetIds, onBatch),
}

expose(api)
