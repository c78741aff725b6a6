/// <reference lib="webworker" />
import { expose } from 'comlink'
import { diffTraces } from '../lib/compare/trace-diff'
import type { DiffWorkerApi } from './diff-protocol'

const api: DiffWorkerApi = { diff: diffTraces }

expose(api)
