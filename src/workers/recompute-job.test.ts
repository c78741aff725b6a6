import { describe, expect, it } from 'vitest'
import { putTraceBatch } from '../db/traces'
import { PIVOT_LEXICON, REFLECTION_TOKENS_LEXICON } from '../lib/analysis/lexicon-presets'
import { compileLexicon } from '../lib/analysis/match-pivots'
import { metricsStatus } from '../lib/analysis/metrics-status'
import { makeDataset, makeMetrics, makeTexts, makeTrace } from '../testing/make-rows'
import { openTestDb } from '../testing/test-db'
import { runRecompute } from './recompute-job'

async function seed(count: number) {
  const db = openTestDb()
  const dataset = makeDataset()
  await db.datasets.add(dataset)
  const traces = Array.from({ length: count }, (_, i) =>
    makeTrace(dataset.id, i + 1, { metrics: makeMetrics({ lexiconId: 'old' }) }),
  )
  // "but" is a reflection token, not a pivot: a count only the new lexicon can give
  const texts = traces.map((t, i) =>
    makeTexts(t, { reasoning: `${'But wait. '.repeat(i % 4)}Hmm, done.` }),
  )
  await putTraceBatch(db, traces, texts)
  return { db, texts }
}

describe('runRecompute', () => {
  it('rewrites every trace with the lexicon and reports progress', async () => {
    const { db, texts } = await seed(7)
    const progress: number[] = []
    const summary = await runRecompute(
      db,
      REFLECTION_TOKENS_LEXICON,
      (p) => progress.push(p.updated),
      undefined,
      3,
    )
    expect(summary).toMatchObject({ scanned: 7, updated: 7, total: 7 })
    expect(summary.chars).toBe(texts.reduce((n, t) => n + t.reasoning.length, 0))
    expect(progress.at(-1)).toBe(7)
    const traces = await db.traces.toArray()
    for (const trace of traces) {
      const reasoning = texts.find((t) => t.traceId === trace.id)!.reasoning
      const buts = reasoning.match(/\bbut\b/gi)?.length ?? 0
      expect(trace.metrics.phraseCounts['but'] ?? 0).toBe(buts)
      expect(trace.metrics.lexiconId).toBe(REFLECTION_TOKENS_LEXICON.id)
    }
    expect(metricsStatus(traces, compileLexicon(REFLECTION_TOKENS_LEXICON)).stale).toBe(0)
  })

  it('stops between pages on cancel, then resumes with the stale traces only', async () => {
    const { db } = await seed(10)
    const controller = new AbortController()
    const run = runRecompute(
      db,
      PIVOT_LEXICON,
      (p) => {
        if (p.updated >= 4) controller.abort()
      },
      controller.signal,
      4,
    )
    await expect(run).rejects.toThrow()
    const compiled = compileLexicon(PIVOT_LEXICON)
    expect(metricsStatus(await db.traces.toArray(), compiled)).toEqual({
      total: 10,
      current: 4,
      stale: 6,
    })
    const resumed = await runRecompute(db, PIVOT_LEXICON, () => {}, undefined, 4)
    expect(resumed).toMatchObject({ scanned: 10, updated: 6 })
    expect(metricsStatus(await db.traces.toArray(), compiled).stale).toBe(0)
  })
})
