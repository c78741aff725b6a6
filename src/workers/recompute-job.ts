/**
 * Recomputes `traces.metrics` with a lexicon (DESIGN section 4): pages through the trace
 * summaries by key, skips those already computed with this very lexicon (same id and
 * fingerprint, so a cancelled run resumes where it stopped), reads the texts of the others in
 * one bulk read per page, analyses them and writes their metrics in one transaction per page.
 * A cancel takes effect between pages: each trace carries either its old metrics or the new
 * ones, never a mix, and `lexiconId`/`lexiconHash` tell which.
 */
import type { TracemarkDB } from '../db/database'
import { ALL_KEYS, countTraces, getTextsOf, putMetrics, tracesPage } from '../db/traces'
import { compileLexicon } from '../lib/analysis/match-pivots'
import { computeMetrics } from '../lib/analysis/metrics'
import { isCurrentMetrics } from '../lib/analysis/metrics-status'
import type { Lexicon, Trace } from '../lib/traces/trace-model'
import type { RecomputeProgress, RecomputeSummary } from './recompute-protocol'

const PAGE = 500

export async function runRecompute(
  db: TracemarkDB,
  lexicon: Lexicon,
  onProgress: (p: RecomputeProgress) => void,
  signal?: AbortSignal,
  pageSize = PAGE,
): Promise<RecomputeSummary> {
  const compiled = compileLexicon(lexicon)
  const started = Date.now()
  const total = await countTraces(db)
  const state = { scanned: 0, updated: 0, total, chars: 0, elapsedMs: 0 }
  let analysisMs = 0
  // once per page: a page of 500 takes a good fraction of a second, so no throttling is needed
  const report = () => onProgress({ ...state, elapsedMs: Date.now() - started })
  report()
  let after: string | null = null
  for (;;) {
    signal?.throwIfAborted()
    const page: Trace[] = await tracesPage(db, after, ALL_KEYS, pageSize)
    const last = page.at(-1)
    if (last === undefined) break
    after = last.id
    state.scanned += page.length
    const stale = page.filter((t) => !isCurrentMetrics(t.metrics, compiled))
    if (stale.length > 0) {
      const texts = await getTextsOf(
        db,
        stale.map((t) => t.id),
      )
      const t0 = performance.now()
      const changes = texts.flatMap((text) => {
        if (text === undefined) return []
        state.chars += text.reasoning.length
        const metrics = computeMetrics(text.reasoning, text.answer, compiled)
        return [{ traceId: text.traceId, metrics }]
      })
      analysisMs += performance.now() - t0
      signal?.throwIfAborted()
      await putMetrics(db, changes)
      state.updated += changes.length
    }
    report()
  }
  const elapsedMs = Date.now() - started
  return { ...state, elapsedMs, analysisMs }
}
