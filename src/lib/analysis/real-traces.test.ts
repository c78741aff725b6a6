/// <reference types="node" />
/**
 * The analysis on the real traces of ../shared/fixtures/real (see SOURCES.md there). Expected
 * values come from independent plain regular expressions or from the sources' own labels,
 * never from a previous run of this code.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { hasRealFixtures, REAL_FIXTURES, realFixture } from '../../testing/real-fixtures'
import { judgeCorrect } from './answer'
import { PIVOT_LEXICON, REFLECTION_TOKENS_LEXICON } from './lexicon-presets'
import { compileLexicon } from './match-pivots'
import { countWords, findPivots } from './one-pass'
import type { PivotMatch } from './match-pivots'
import { analyseText, computeMetrics } from './metrics'
import type { Segment } from './segment'

const missing = !hasRealFixtures

type Row = Record<string, unknown>
const jsonl = (name: string): Row[] =>
  readFileSync(realFixture(name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row)
const json = (name: string) => JSON.parse(readFileSync(realFixture(name), 'utf8')) as Row
const firstOutput = (row: Row) => (row.code as string[])[0] ?? ''

const SKYTHOUGHT = [
  'skythought_qwen2.5-14b-instruct_aime24.jsonl',
  'skythought_sky-t1-math-correct-5k-14b_aime24.jsonl',
  'skythought_sky-t1-math-wrong-5k-14b_aime24.jsonl',
  'skythought_sky-t1-math-reflection-1.0-32b_aime24.jsonl',
]
const ANCHORS = [
  'thoughtanchors_r1-distill-qwen-14b_p330_correct_base_solution.json',
  'thoughtanchors_r1-distill-qwen-14b_p330_incorrect_base_solution.json',
  'thoughtanchors_r1-distill-llama-8b_p330_correct_base_solution.json',
]

/** An independent count of one phrase: plain regex, Unicode letters and digits as word characters. */
const countPhrase = (text: string, pattern: string) =>
  text.match(new RegExp(`(?<![\\p{L}\\p{N}_])${pattern}(?![\\p{L}\\p{N}_])`, 'giu'))?.length ?? 0
const countMatches = (pivots: PivotMatch[], phrase: string) =>
  pivots.filter((p) => p.phrase === phrase).length

const GLUED = /(?![\p{sc=Han}])[\p{L}\p{N}_]\||\|(?![\p{sc=Han}])[\p{L}\p{N}_]/u

/** Every match slices back to its phrase, in order, without overlap, at word boundaries. */
function expectConsistent(text: string, pivots: PivotMatch[]) {
  const problems: string[] = []
  let previousEnd = 0
  for (const m of pivots) {
    const quote = text.slice(m.start, m.end).toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'")
    const around =
      text.slice(Math.max(0, m.start - 2), m.start) + '|' + text.slice(m.end, m.end + 2)
    if (m.start < previousEnd || quote !== m.phrase.toLowerCase() || GLUED.test(around)) {
      problems.push(`${m.start}..${m.end} ${JSON.stringify(quote)} as ${m.phrase}`)
    }
    previousEnd = m.end
  }
  expect(problems).toEqual([])
}

/** Segments are trimmed, in order, and only white space lies between them. */
function expectTiling(text: string, segments: Segment[]) {
  const problems: string[] = []
  let previousEnd = 0
  for (const s of [...segments, { start: text.length, end: text.length }]) {
    const gap = text.slice(previousEnd, s.start)
    const body = text.slice(s.start, s.end)
    if (s.start < previousEnd || /\S/.test(gap) || body !== body.trim()) {
      problems.push(`${s.start}..${s.end}`)
    }
    previousEnd = s.end
  }
  expect(problems).toEqual([])
}

describe.skipIf(missing)(`real traces (skipped when ${REAL_FIXTURES} is missing)`, () => {
  const pivotLexicon = compileLexicon(PIVOT_LEXICON)

  describe('Qwen3-8B thinking traces', () => {
    const traces = missing
      ? []
      : jsonl('thinktraces_qwen3-8b_think-on.jsonl').map((r) => String(r.thinking))

    it('counts "wait" in trace 0 as a plain regular expression does', () => {
      const text = traces[0] ?? ''
      expect(countMatches(findPivots(text, pivotLexicon), 'wait')).toBe(countPhrase(text, 'wait'))
    })

    it('agrees with plain counts on every trace, longest match included', () => {
      for (const text of traces) {
        const pivots = findPivots(text, pivotLexicon)
        expect(countMatches(pivots, 'wait')).toBe(countPhrase(text, 'wait'))
        expect(countMatches(pivots, 'hmm')).toBe(countPhrase(text, 'hmm'))
        expect(countMatches(pivots, 'let me check')).toBe(countPhrase(text, 'let\\s+me\\s+check'))
        // "let me double-check" takes its "double-check": the two split the plain total
        expect(
          countMatches(pivots, 'double-check') + countMatches(pivots, 'let me double-check'),
        ).toBe(countPhrase(text, 'double-check'))
        expectConsistent(text, pivots)
      }
    })

    it('counts words as whitespace-separated tokens holding a letter or digit', () => {
      for (const text of traces.filter((t) => !/\p{sc=Han}/u.test(t))) {
        const tokens = text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token))
        expect(countWords(text)).toBe(tokens.length)
      }
    })
  })

  describe('SkyThought long traces', () => {
    const outputs = missing ? [] : SKYTHOUGHT.flatMap((name) => jsonl(name).map(firstOutput))

    it('analyses every output with consistent offsets, both big lexicons', () => {
      const tokens = compileLexicon(REFLECTION_TOKENS_LEXICON)
      for (const text of outputs) {
        expectConsistent(text, findPivots(text, pivotLexicon))
        expectConsistent(text, findPivots(text, tokens))
        const { steps, sentences, backtracks } = analyseText(text, pivotLexicon)
        expectTiling(text, steps)
        expectTiling(text, sentences)
        expect(backtracks.filter((b) => text.slice(b.start, b.end).trim() === '')).toEqual([])
      }
      // 9 MB through the whole analysis three times: seconds on a busy machine
    }, 30_000)

    it('handles the Chinese code-switching of reflection-1.0 record idx 4', () => {
      const row = jsonl(SKYTHOUGHT[3] ?? '').find((r) => r.idx === 4)
      const text = row === undefined ? '' : firstOutput(row)
      expect(text).toMatch(/\p{sc=Han}/u)
      const { pivots } = analyseText(text, pivotLexicon)
      expectConsistent(text, pivots)
      // "Alternatively，也许…": the pivot is found next to full-width punctuation and Han
      const plain = text.match(/(?<![A-Za-z])alternatively(?![A-Za-z])/gi)?.length ?? 0
      expect(countMatches(pivots, 'alternatively')).toBe(plain)
      const metrics = computeMetrics(text, '', pivotLexicon)
      const hanChars = text.match(/\p{sc=Han}/gu)?.length ?? 0
      expect(metrics.words).toBeGreaterThan(hanChars)
    })

    it('computes the metrics of the longest output in reasonable time', () => {
      const longest = outputs.reduce((a, b) => (b.length > a.length ? b : a), '')
      expect(longest.length).toBeGreaterThan(160_000)
      const started = performance.now()
      const metrics = computeMetrics(longest, '', pivotLexicon)
      expect(performance.now() - started).toBeLessThan(500)
      expect(metrics.chars).toBe(longest.length)
    })

    it('agrees with the harness score wherever the output has a boxed answer', () => {
      const disagreements: string[] = []
      for (const name of SKYTHOUGHT) {
        for (const row of jsonl(name)) {
          const output = firstOutput(row)
          const verdict = judgeCorrect(output, String(row.gt))
          // unterminated outputs without \boxed{} are undecidable for us (the harness then
          // takes the last number it finds); every other output must get the harness's verdict
          const boxed = /\\boxed\{[^{}]*\}/.test(output)
          if (
            boxed
              ? verdict !== (row.score as boolean[])[0]
              : verdict === true && !(row.score as boolean[])[0]
          ) {
            disagreements.push(`${name} idx ${String(row.idx)}: ${String(verdict)}`)
          }
        }
      }
      expect(disagreements).toEqual([])
    })
  })

  describe('Thought Anchors traces', () => {
    it('judges correctness as the source labels it', () => {
      const gold = String(json('thoughtanchors_p330_problem.json').gt_answer)
      for (const name of ANCHORS) {
        const row = json(name)
        expect(judgeCorrect(String(row.solution), gold), name).toBe(row.is_correct)
        const metrics = computeMetrics(String(row.solution), '', pivotLexicon)
        expect(metrics.hasFinalAnswer).toBe(true)
        expect(metrics.pivotTotal).toBe(Object.values(metrics.pivots).reduce((a, b) => a + b, 0))
      }
    })
  })
})
