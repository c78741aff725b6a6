/// <reference lib="webworker" />
import { expose } from 'comlink'
import { TracemarkDB } from '../db/database'
import { runRecompute } from './recompute-job'
import type { RecomputeWorkerApi } from './recompute-protocol'

const db = new TracemarkDB()

let controller = new AbortController()

const api: RecomputeWorkerApi = {
  run(lexicon, onProgress) {
    controller = new AbortController()
    return runRecompute(db, lexicon, onProgress, controller.signal)
  },
  cancel: () => controller.abort(),
}

expose(api)
