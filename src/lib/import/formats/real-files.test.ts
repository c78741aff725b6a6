/// <reference types="node" />
/**
 * The readers on the real files of ../shared/fixtures/real (SOURCES.md there). Expected values
 * come from SOURCES.md and from node's own JSON.parse of the files, never from these readers.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { hasRealFixtures, REAL_FIXTURES, realFixture } from '../../../testing/real-fixtures'
import { readRecords } from './read-records'
import type { SourceRecord } from './source-record'
import { chunkedSource, collect, good } from './test-support'
import { readJsonSource } from './json'

const missing = !hasRealFixtures

const bytes = (name: string) => new Uint8Array(readFileSync(realFixture(name)))
const read = (name: string): Promise<SourceRecord[]> =>
  collect(readRecords(new Blob([bytes(name)]), name))
const jsonLines = (name: string) =>
  readFileSync(realFixture(name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown)

/** File and record count, from SOURCES.md. */
const JSONL: [string, number][] = [
  ['skythought_qwen2.5-14b-instruct_aime24.jsonl', 30],
  ['skythought_sky-t1-math-correct-5k-14b_aime24.jsonl', 30],
  ['skythought_sky-t1-math-wrong-5k-14b_aime24.jsonl', 30],
  ['skythought_sky-t1-math-reflection-1.0-32b_aime24.jsonl', 30],
  ['thinktraces_qwen3-8b_think-on.jsonl', 200],
  ['thinktraces_qwen3-8b_think-off.jsonl', 200],
  ['thinktraces_qwen3.5-9b_think-on.jsonl', 200],
  ['thinktraces_qwen3.5-9b_think-off.jsonl', 200],
]
const BASE_SOLUTIONS: [string, boolean][] = [
  ['thoughtanchors_r1-distill-qwen-14b_p330_correct_base_solution.json', true],
  ['thoughtanchors_r1-distill-qwen-14b_p330_incorrect_base_solution.json', false],
  ['thoughtanchors_r1-distill-llama-8b_p330_correct_base_solution.json', true],
]

describe.skipIf(missing)(
  `format readers on the real files (skipped when ${REAL_FIXTURES} is missing)`,
  () => {
    it.each(JSONL)('%s: %i records, equal to the lines', async (name, count) => {
      const records = await read(name)
      expect(records).toHaveLength(count)
      expect(records.every((r) => r.ok && r.location.kind === 'line')).toBe(true)
      expect(good(records)).toEqual(jsonLines(name))
      expect(records.at(-1)?.bytesRead).toBe(bytes(name).length)
    })

    it('thinktraces_items.json: a 200-element array of items with id, type, prompt, answer, accept, grader', async () => {
      const name = 'thinktraces_items.json'
      const records = await read(name)
      expect(records).toHaveLength(200)
      expect(records.map((r) => r.location)).toEqual(
        Array.from({ length: 200 }, (_, i) => ({ kind: 'element', index: i + 1 })),
      )
      expect(good(records)).toEqual(JSON.parse(readFileSync(realFixture(name), 'utf8')))
      for (const record of good(records)) {
        expect(Object.keys(record as object)).toEqual(
          expect.arrayContaining(['accept', 'answer', 'grader', 'id', 'prompt', 'type']),
        )
      }
      // Streamed in chunks of 1 KB with a 4 KB probe, the same elements.
      const small = await collect(
        readJsonSource(chunkedSource(bytes(name), 1024), name, undefined, 4096),
      )
      expect(good(small)).toEqual(good(records))
    })

    it.each(BASE_SOLUTIONS)('%s: one record, is_correct %s', async (name, correct) => {
      const records = await read(name)
      expect(records).toHaveLength(1)
      const record = good(records)[0] as Record<string, unknown>
      expect(record).toEqual(JSON.parse(readFileSync(realFixture(name), 'utf8')))
      expect(Object.keys(record).sort()).toEqual([
        'answer',
        'full_cot',
        'is_correct',
        'prompt',
        'solution',
      ])
      expect(record.is_correct).toBe(correct)
      expect(String(record.prompt).endsWith('Solution: \n<think>\n')).toBe(true)
    })

    it('thoughtanchors_p330_problem.json: one record, the Level 5 Algebra problem with answer 88572', async () => {
      const records = await read('thoughtanchors_p330_problem.json')
      expect(good(records)).toHaveLength(1)
      expect(good(records)[0]).toMatchObject({
        level: 'Level 5',
        type: 'Algebra',
        gt_answer: '88572',
      })
    })

    it('wordle_multiturn_think.parquet: 1,000 rows with nested chat turns', async () => {
      const records = await read('wordle_multiturn_think.parquet')
      expect(records).toHaveLength(1000)
      expect(records.at(-1)?.location).toEqual({ kind: 'row', index: 1000 })
      type Turn = { role: string; content: string }
      const rows = good(records) as {
        prompt: Turn[]
        completion: Turn[]
        answer: string
        reward: number
        task: string
      }[]
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual([
          'answer',
          'completion',
          'prompt',
          'reward',
          'task',
        ])
        expect(row.task).toBe('default')
        expect(row.reward).toBeGreaterThanOrEqual(1.365)
        expect(row.reward).toBeLessThan(1.535) // SOURCES.md rounds: 1.37–1.53
        expect(row.prompt.map((t) => t.role)).toEqual(['system', 'user'])
        expect(row.completion.length).toBeGreaterThanOrEqual(4)
        expect(row.completion.length).toBeLessThanOrEqual(10)
      }
      const assistant = rows.flatMap((r) => r.completion.filter((t) => t.role === 'assistant'))
      expect(assistant).toHaveLength(3752)
      expect(assistant.every((t) => /<think>[\s\S]*<\/think>[\s\S]*<guess>/.test(t.content))).toBe(
        true,
      )
      // Clone and JSON friendly, as the worker posts and stores them.
      expect(JSON.parse(JSON.stringify(rows[0]))).toEqual(rows[0])
    })
  },
)
