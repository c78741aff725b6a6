/**
 * Per-trace style metrics (DESIGN.md section 4) and the analysis behind them. The reader draws
 * exactly what `analyseText` returns and the stored metrics count exactly the same objects, so
 * a highlight and a count can never disagree. Runs in the import worker: no DOM, no Dexie.
 */
import type { TraceMetrics } from '../traces/trace-model'
import type { Backtrack } from './backtracks'
import type { CompiledLexicon, PivotMatch } from './match-pivots'
import { scanText } from './one-pass'
import type { Segment } from './segment'

export interface TextAnalysis {
  pivots: PivotMatch[]
  steps: Segment[]
  sentences: Segment[]
  backtracks: Backtrack[]
}

export function analyseText(text: string, compiled: CompiledLexicon): TextAnalysis {
  const { pivots, steps, sentences, backtracks } = scanText(text, compiled, true)
  return { pivots, steps, sentences: sentences ?? [], backtracks }
}

export function emptyMetrics(lexiconId: string, lexiconHash = ''): TraceMetrics {
  return {
    chars: 0,
    words: 0,
    tokens: 0,
    steps: 0,
    sentences: 0,
    pivots: {},
    pivotTotal: 0,
    pivotsPer1k: 0,
    pivotCategories: 0,
    backtracks: 0,
    verifications: 0,
    firstPivotAt: null,
    hasFinalAnswer: false,
    lexiconId,
    lexiconHash,
    phraseCounts: {},
    pivotPositions: new Array<number>(POSITION_BINS).fill(0),
  }
}

/** Bins of `TraceMetrics.pivotPositions`: tenths of the reasoning. */
export const POSITION_BINS = 10

const FINAL_ANSWER = /\\boxed\{|final answer/i

/** Metrics of the reasoning text; the answer only tells whether a final answer was given. */
export function computeMetrics(
  reasoning: string,
  answer: string,
  compiled: CompiledLexicon,
): TraceMetrics {
  // analyseText's walk, but the sentences are only counted (no segment objects)
  const scan = scanText(reasoning, compiled, false)
  const { pivots, steps, backtracks, words } = scan
  const sentences = scan.sentenceCount
  const chars = reasoning.length
  const positions = new Array<number>(POSITION_BINS).fill(0)
  // Counted in maps (an object keyed by phrase is a slow dictionary), then copied into objects
  // in the same key order as counting into them would give.
  const byCategory = new Map<string, number>()
  const byPhrase = new Map<string, number>()
  for (let k = 0; k < pivots.length; k++) {
    const pivot = pivots[k]!
    byCategory.set(pivot.categoryId, (byCategory.get(pivot.categoryId) ?? 0) + 1)
    byPhrase.set(pivot.phrase, (byPhrase.get(pivot.phrase) ?? 0) + 1)
    const bin = Math.min(POSITION_BINS - 1, Math.floor((pivot.start / chars) * POSITION_BINS))
    positions[bin] = (positions[bin] ?? 0) + 1
  }
  const counts: Record<string, number> = {}
  for (const id of compiled.categoryIds) counts[id] = 0
  for (const [id, n] of byCategory) counts[id] = n
  const phraseCounts: Record<string, number> = {}
  for (const [phrase, n] of byPhrase) phraseCounts[phrase] = n
  const first = pivots[0]
  return {
    chars,
    words,
    tokens: Math.round(chars / 4),
    steps: steps.length,
    sentences,
    pivots: counts,
    pivotTotal: pivots.length,
    pivotsPer1k: words === 0 ? 0 : (pivots.length / words) * 1000,
    pivotCategories: Object.values(counts).filter((n) => n > 0).length,
    backtracks: backtracks.length,
    verifications: counts['verification'] ?? 0,
    firstPivotAt: first === undefined ? null : first.start / chars,
    // the answer first: it is short, and usually holds the \\boxed{}
    hasFinalAnswer: FINAL_ANSWER.test(answer) || FINAL_ANSWER.test(reasoning),
    lexiconId: compiled.lexiconId,
    lexiconHash: compiled.lexiconHash,
    phraseCounts,
    pivotPositions: positions,
  }
}
