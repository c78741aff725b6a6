/// <reference types="node" />
/**
 * The import pipeline (read lines, parse, detect, normalise, build rows) on the real files of
 * ../shared/fixtures/real (see SOURCES.md there). Expected values come from the files' own
 * fields and from SOURCES.md, never from a previous run of this code.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { hasRealFixtures, REAL_FIXTURES, realFixture } from '../../testing/real-fixtures'
import { PIVOT_LEXICON } from '../analysis/lexicon-presets'
import { compileLexicon } from '../analysis/match-pivots'
import type { FieldMap } from '../traces/trace-model'
import { buildRows } from './build-rows'
import { detectFieldMap } from './detect-fields'
import { normaliseRecord, type NormalisedTrace } from './normalise-record'
import { parseJsonl } from './parse-jsonl'
import { readLines, type ByteStream } from './read-lines'

const missing = !hasRealFixtures

/** As many records as the import worker samples to detect the fields. */
const SAMPLE_ROWS = 50

type Row = Record<string, unknown>
// Also called while tests are collected, so it must not fail where the folder is missing.
const jsonl = (name: string): Row[] =>
  (missing ? '' : readFileSync(realFixture(name), 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row)

const THINKTRACES = [
  'thinktraces_qwen3-8b_think-on.jsonl',
  'thinktraces_qwen3-8b_think-off.jsonl',
  'thinktraces_qwen3.5-9b_think-on.jsonl',
  'thinktraces_qwen3.5-9b_think-off.jsonl',
]
/** File, and how many of its 30 outputs never close the thought block (SOURCES.md). */
const SKY_T1: [string, number][] = [
  ['skythought_sky-t1-math-correct-5k-14b_aime24.jsonl', 22],
  ['skythought_sky-t1-math-wrong-5k-14b_aime24.jsonl', 26],
  ['skythought_sky-t1-math-reflection-1.0-32b_aime24.jsonl', 13],
]
const SKY_PLAIN = 'skythought_qwen2.5-14b-instruct_aime24.jsonl'
const SKYTHOUGHT = [...SKY_T1.map(([name]) => name), SKY_PLAIN]

const lexicon = compileLexicon(PIVOT_LEXICON)

function normaliseAll(rows: Row[]): { map: FieldMap; traces: NormalisedTrace[] } {
  const map = detectFieldMap(rows.slice(0, SAMPLE_ROWS))
  return { map, traces: rows.map((row, i) => normaliseRecord(row, map, i + 1)) }
}

/** The source record without the given fields: what `extra` must hold. */
const without = (row: Row, mapped: string[]) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !mapped.includes(k)))

/** The file's bytes as a stream cut right after the first byte of every multi-byte character. */
function splitStream(bytes: Uint8Array): { stream: ByteStream; cutChars: number } {
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let start = 0
  let cutChars = 0
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]! >= 0xc0
    if (lead) cutChars += 1
    if (lead || i - start >= 4096) {
      chunks.push(bytes.slice(start, i + 1))
      start = i + 1
    }
  }
  chunks.push(bytes.slice(start))
  const stream: ByteStream = new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      controller.close()
    },
  })
  return { stream, cutChars }
}

describe.skipIf(missing)(
  `import of the real files (skipped when ${REAL_FIXTURES} is missing)`,
  () => {
    describe.each([...THINKTRACES, ...SKYTHOUGHT])('%s', (name) => {
      it('streams every line to the record JSON.parse reads, even with characters cut', async () => {
        const bytes = new Uint8Array(readFileSync(realFixture(name)))
        const { stream, cutChars } = splitStream(bytes)
        const records: unknown[] = []
        const lineNumbers: number[] = []
        for await (const line of parseJsonl(readLines(stream))) {
          expect(line.ok, `line ${line.lineNumber}`).toBe(true)
          if (line.ok) records.push(line.record)
          lineNumbers.push(line.lineNumber)
        }
        const expected = jsonl(name)
        expect(records).toEqual(expected)
        expect(lineNumbers).toEqual(expected.map((_, i) => i + 1))
        // The thinking-traces files hold raw UTF-8 (✅, ❌), so some characters were cut.
        if (name.startsWith('thinktraces')) expect(cutChars).toBeGreaterThan(0)
      })
    })

    describe.each(THINKTRACES)('%s', (name) => {
      const rows = jsonl(name)

      it('maps thinking, content, item_id and model, with no problem or gold', () => {
        expect(normaliseAll(rows).map).toStrictEqual({
          reasoning: 'thinking',
          answer: 'content',
          id: 'item_id',
          model: 'model',
        })
      })

      it('keeps every text unchanged and every other field in extra', () => {
        const { traces } = normaliseAll(rows)
        traces.forEach((n, i) => {
          const row = rows[i]!
          expect(n).toStrictEqual({
            key: row.item_id,
            problem: '',
            reasoning: row.thinking,
            answer: row.content,
            gold: '',
            model: row.model,
            correct: null,
            // the file's own `done_reason` (SOURCES.md): `length` when the model hit its limit
            truncated: row.done_reason === 'length',
            spans: [],
            relations: [],
            extra: without(row, ['item_id', 'thinking', 'content', 'model']),
          })
        })
      })
    })

    it('passes the emoji of the thinking traces through (SOURCES.md: ✅ ❌ ✔️)', () => {
      const { traces } = normaliseAll(jsonl('thinktraces_qwen3-8b_think-off.jsonl'))
      expect(traces.some((n) => n.answer.includes('✅'))).toBe(true)
    })

    it('pairs the same item across thinking on and off and across models by item_id', () => {
      const hashes = (name: string) => {
        const { traces } = normaliseAll(jsonl(name))
        return new Map(traces.map((n, i) => [n.key, buildRows(n, name, i + 1, lexicon, 0)]))
      }
      const [a, b] = [hashes(THINKTRACES[0]!), hashes(THINKTRACES[3]!)]
      expect(new Set([...a.values()].map((r) => r.trace.problemHash)).size).toBe(a.size)
      for (const [key, row] of a) {
        expect(b.get(key)?.trace.problemHash, key).toBe(row.trace.problemHash)
      }
    })

    describe.each(SKYTHOUGHT)('%s', (name) => {
      const rows = jsonl(name)

      it('maps question, code (by value), gt as gold and idx; `answer` stays in extra', () => {
        expect(normaliseAll(rows).map).toStrictEqual({
          problem: 'question',
          reasoning: 'code',
          gold: 'gt',
          id: 'idx',
        })
      })

      it('takes problem, gold and key from their fields and keeps every other field in extra', () => {
        const { traces } = normaliseAll(rows)
        traces.forEach((n, i) => {
          const row = rows[i]!
          expect(n.key).toBe(String(row.idx))
          expect(n.problem).toBe(row.question)
          expect(n.gold).toBe(row.gt)
          expect([n.model, n.correct]).toEqual(['', null])
          expect(n.extra).toStrictEqual(without(row, ['question', 'code', 'gt', 'idx']))
        })
      })

      it('pairs each problem with the same problem of the other SkyThought files', () => {
        const hash = (file: string) =>
          normaliseAll(jsonl(file)).traces.map((n, i) => buildRows(n, 'd', i + 1, lexicon, 0))
        const here = hash(name).map((r) => r.trace.problemHash)
        expect(new Set(here).size).toBe(rows.length)
        expect(hash(SKY_PLAIN).map((r) => r.trace.problemHash)).toEqual(here)
      })
    })

    describe.each(SKY_T1)('%s', (name, unterminated) => {
      const rows = jsonl(name)
      const output = (row: Row) => (row.code as string[]).join('\n\n')
      const layout =
        /^<\|begin_of_thought\|>([\s\S]*?)(?:<\|end_of_thought\|>\s*<\|begin_of_solution\|>([\s\S]*?)<\|end_of_solution\|>)?\s*$/

      it('splits the thought from the solution block; an unclosed thought has no answer', () => {
        const { traces } = normaliseAll(rows)
        traces.forEach((n, i) => {
          const match = layout.exec(output(rows[i]!))
          expect(match, `idx ${i}`).not.toBeNull()
          expect(n.reasoning).toBe(match![1]!.trim())
          expect(n.answer).toBe((match![2] ?? '').trim())
        })
        expect(traces.filter((n) => n.answer === '')).toHaveLength(unterminated)
      })

      it('judges a solution block as the harness scored it, and never contradicts the score', () => {
        const { traces } = normaliseAll(rows)
        traces.forEach((n, i) => {
          const score = (rows[i]!.score as boolean[])[0]
          const { correct } = buildRows(n, 'd', i + 1, lexicon, 0).trace
          if (n.answer !== '') expect(correct, `idx ${i}`).toBe(score)
          else expect([null, score], `idx ${i}`).toContain(correct)
        })
      })
    })

    it(`takes the whole output as the reasoning of ${SKY_PLAIN}, not the reference solution`, () => {
      const rows = jsonl(SKY_PLAIN)
      const { traces } = normaliseAll(rows)
      traces.forEach((n, i) => {
        expect(n.reasoning).toBe((rows[i]!.code as string[]).join('\n\n'))
        expect(n.answer).toBe('')
        expect(n.extra.solution).toBe(rows[i]!.solution)
      })
    })
  },
)
