/// <reference lib="webworker" />
import { expose } from 'comlink'
import { TracemarkDB } from '../db/database'
import { runImport } from './import-job'
import { workerMetrics } from './metrics-computer'
import { previewFile, previewUrl } from './import-preview'
import type { ImportWorkerApi } from './import-protocol'
import { runRestore, StagedRestore } from './restore-job'

const db = new TracemarkDB()
let controller = new AbortController()
/** The restore a preview staged, until the restore finishes it or it is discarded. */
let staged: StagedRestore | null = null

async function discardStaged(): Promise<void> {
  const stage = staged
  staged = null
  await stage?.discard()
}

const api: ImportWorkerApi = {
  async preview(file, fileName, stage = false) {
    await discardStaged()
    const staging = stage ? new StagedRestore(db, file, fileName) : undefined
    try {
      const preview = await previewFile(file, fileName, db, staging)
      if (!staging?.staging) {
        await staging?.discard()
        return preview
      }
      staged = staging
      return { ...preview, staged: true }
    } catch (error) {
      await staging?.discard()
      throw error
    }
  },
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
    const stage = staged
    staged = null
    const finished = stage ? await stage.finish(request, onProgress, controller.signal) : null
    return finished ?? runRestore(db, file, request, onProgress, controller.signal)
  },
  discardStaged,
  cancel: () => controller.abort(),
}

expose(api)
