/// <reference lib="webworker" />
import { expose } from 'comlink'
import { compileLexicon, type CompiledLexicon } from '../lib/analysis/match-pivots'
import { computeMetrics } from '../lib/analysis/metrics'
import type { MetricsWorkerApi } from './metrics-protocol'

let cached: { key: string; compiled: CompiledLexicon } | null = null

const api: MetricsWorkerApi = {
  compute(lexicon, items) {
    const key = JSON.stringify(lexicon.categories)
    if (cached?.key !== key) cached = { key, compiled: compileLexicon(lexicon) }
    const compiled = cached.compiled
    return items.map((i) => computeMetrics(i.reasoning, i.answer, compiled))
  },
}

expose(api)
