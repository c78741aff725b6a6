/// <reference lib="webworker" />
/**
 * Re-analysis against a plain scan, on the same texts in the same worker: the generated traces
 * (bench/generate.mjs, the same bytes as the import bench) are made a chunk at a time, and each
 * chunk is scanned once with one precompiled regular expression (TOOLCHAIN.md d's 30 pivot
 * words) and analysed once with `computeMetrics` and the default lexicon, exactly what import and
 * recompute run per trace. The order alternates per chunk, so neither side always runs on a
 * warmer cache. Only the two timed loops count; making the texts does not.
 */
import { expose } from 'comlink'
import { makeTrace } from '../synthetic-trace.mjs'
import { PIVOT_LEXICON } from '../../src/lib/analysis/lexicon-presets'
import { compileLexicon } from '../../src/lib/analysis/match-pivots'
import { computeMetrics } from '../../src/lib/analysis/metrics'

export interface AnalysisRequest {
  traces: number
  chars: number
}

export interface AnalysisResult {
  traces: number
  /** UTF-16 code units of reasoning (and answer, for the analysis) processed. */
  chars: number
  analysisMs: number
  plainMs: number
  plainMatches: number
  pivots: number
  /** Per chunk (one A/B pair of the bench method): the two timed loops, in ms. */
  pairs: { plainMs: number; analysisMs: number }[]
}

const PLAIN =
  /\b(?:wait|hmm|alternatively|but|however|actually|maybe|perhaps|hold\s+on|let\s+me|on\s+second\s+thought|verify|check|recheck|double-check|mistake|wrong|oops|instead|therefore|thus|hence|so|now|again|right|correct|careful|otherwise|reconsider)\b/gi
/**
 * Traces per chunk: at most 1,000, and at least 20 chunks (pairs) when there are 2,000 traces.
 * Short pairs (~50 ms a side) are what make the ratio hold on a busy machine: a load that
 * comes and goes moves both sides of a pair alike.
 */
const chunkSize = (traces: number) => Math.max(100, Math.min(1000, Math.ceil(traces / 20)))
/** Traces run through both loops first, untimed, so that neither pays for its compilation. */
const WARM_UP = 20

export interface AnalysisApi {
  analyse(request: AnalysisRequest): AnalysisResult
}

expose({ analyse } satisfies AnalysisApi)

function analyse({ traces, chars: size }: AnalysisRequest): AnalysisResult {
  const compiled = compileLexicon(PIVOT_LEXICON)
  const result: AnalysisResult = {
    traces: 0,
    chars: 0,
    analysisMs: 0,
    plainMs: 0,
    plainMatches: 0,
    pivots: 0,
    pairs: [],
  }
  const CHUNK = chunkSize(traces)
  for (let i = 0; i < WARM_UP; i++) {
    const trace = makeTrace(traces + i, size)
    PLAIN.lastIndex = 0
    while (PLAIN.exec(trace.reasoning) !== null);
    computeMetrics(trace.reasoning, trace.answer, compiled)
  }
  for (let from = 0, round = 0; from < traces; from += CHUNK, round++) {
    const pair = { plainMs: 0, analysisMs: 0 }
    const chunk = Array.from({ length: Math.min(CHUNK, traces - from) }, (_, i) =>
      makeTrace(from + i, size),
    )
    const plain = () => {
      const t0 = performance.now()
      for (const trace of chunk) {
        PLAIN.lastIndex = 0
        while (PLAIN.exec(trace.reasoning) !== null) result.plainMatches++
      }
      pair.plainMs = performance.now() - t0
      result.plainMs += pair.plainMs
    }
    const analysis = () => {
      const t0 = performance.now()
      for (const trace of chunk)
        result.pivots += computeMetrics(trace.reasoning, trace.answer, compiled).pivotTotal
      pair.analysisMs = performance.now() - t0
      result.analysisMs += pair.analysisMs
    }
    if (round % 2 === 0) {
      plain()
      analysis()
    } else {
      analysis()
      plain()
    }
    result.pairs.push(pair)
    result.traces += chunk.length
    for (const trace of chunk) result.chars += trace.reasoning.length
  }
  return result
}
