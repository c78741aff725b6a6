import { compileLexicon } from '../lib/analysis/match-pivots'
import { computeMetrics } from '../lib/analysis/metrics'
import type { Lexicon } from '../lib/traces/trace-model'
import type { MetricsComputer, MetricsWorkerApi } from './metrics-protocol'
import MetricsWorker from './metrics.worker?worker'
import { spawnWorker } from './spawn-worker'

/** Metrics on the calling thread (node tests, or where workers cannot start workers). */
export function inThreadMetrics(lexicon: Lexicon): MetricsComputer {
  const compiled = compileLexicon(lexicon)
  return {
    compute: async (items) => items.map((i) => computeMetrics(i.reasoning, i.answer, compiled)),
    close: () => {},
  }
}

/** Metrics in a worker of their own, so that analysis runs beside parsing and writing. */
export function workerMetrics(lexicon: Lexicon): MetricsComputer {
  if (typeof Worker === 'undefined') return inThreadMetrics(lexicon)
  const { api, terminate } = spawnWorker<MetricsWorkerApi>(MetricsWorker)
  return {
    compute: (items) => api.compute(lexicon, items),
    close: terminate,
  }
}
