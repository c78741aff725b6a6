/// <reference lib="webworker" />
import { expose } from 'comlink'
import { TracemarkDB } from '../db/database'
import { backupDatabase, restoreDatabase } from './backup-job'
import type { BackupWorkerApi } from './backup-protocol'

const db = new TracemarkDB()

const api: BackupWorkerApi = {
  backup: (onProgress) => backupDatabase(db, onProgress),
  restore: (file, mode, onProgress) => restoreDatabase(db, file, mode, onProgress),
}

expose(api)
