import type { CompiledLexicon } from '../analysis/match-pivots'
import { computeMetrics } from '../analysis/metrics'
import { traceId } from '../traces/ids'
import type { Trace, TraceMetrics, TraceTexts } from '../traces/trace-model'
import type { NormalisedTrace } from './normalise-record'
import { judgeTrace } from './judge'
import { problemHash } from './problem-hash'

const PREVIEW_CHARS = 160

/** Turns a normalised record into the two rows the database keeps: summary and texts. */
export function buildRows(
  n: NormalisedTrace,
  datasetId: string,
  ordinal: number,
  lexicon: CompiledLexicon,
  now: number,
): { trace: Trace; texts: TraceTexts } {
  return buildRowsWithMetrics(
    n,
    datasetId,
    ordinal,
    computeMetrics(n.reasoning, n.answer, lexicon),
    now,
  )
}

/** The same, with metrics computed elsewhere (the import's analysis worker). */
export function buildRowsWithMetrics(
  n: NormalisedTrace,
  datasetId: string,
  ordinal: number,
  metrics: TraceMetrics,
  now: number,
): { trace: Trace; texts: TraceTexts } {
  const id = traceId(datasetId, ordinal)
  const trace: Trace = {
    id,
    datasetId,
    key: n.key,
    problemHash: problemHash(n.problem, n.key),
    problemPreview: preview(n.problem),
    model: n.model,
    metrics,
    correct: judgeTrace(n),
    truncated: n.truncated,
    status: 'todo',
    tags: [],
    ordinal,
    updatedAt: now,
  }
  const texts: TraceTexts = {
    traceId: id,
    datasetId,
    problem: n.problem,
    reasoning: n.reasoning,
    answer: n.answer,
    gold: n.gold,
    extra: n.extra,
  }
  return { trace, texts }
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= PREVIEW_CHARS) return flat
  // Never keep half of a surrogate pair (an emoji) at the cut.
  return `${flat.slice(0, PREVIEW_CHARS - 1).replace(/[\uD800-\uDBFF]$/, '')}…`
}
