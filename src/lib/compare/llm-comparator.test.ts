import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeMetrics, makeTexts, makeTrace } from '../../testing/make-rows'
import { llmComparatorFile, pairByProblem, type LlmComparatorFile } from './llm-comparator'

const FORMATS = resolve(import.meta.dirname, '../../../../shared/FORMATS.md')

/** The example of the "LLM Comparator JSON" section of FORMATS.md, parsed. */
function formatsExample(): unknown {
  const text = readFileSync(FORMATS, 'utf8')
  const section = text.slice(text.indexOf('## LLM Comparator JSON'))
  const json = /```json\n([^]*?)\n```/.exec(section)?.[1]
  if (!json) throw new Error('no LLM Comparator example in FORMATS.md')
  return JSON.parse(json)
}

/**
 * The schema FORMATS.md gives: top-level `metadata` (with `source_path` and
 * `custom_fields_schema`), `models` (two, by name) and `examples` (each with `input_text`,
 * `tags`, `output_text_a`, `output_text_b`, `score`, `individual_rater_scores`,
 * `custom_fields`); a per-model field holds one value per model, of its declared type.
 */
function schemaErrors(file: LlmComparatorFile): string[] {
  const errors: string[] = []
  const need = (ok: boolean, what: string) => ok || errors.push(what)
  need(
    JSON.stringify(Object.keys(file).sort()) === '["examples","metadata","models"]',
    'top-level keys',
  )
  need(typeof file.metadata.source_path === 'string', 'metadata.source_path')
  need(Array.isArray(file.metadata.custom_fields_schema), 'metadata.custom_fields_schema')
  need(file.models.length === 2 && file.models.every((m) => typeof m.name === 'string'), 'models')
  const types = new Map(file.metadata.custom_fields_schema.map((f) => [f.name, f.type]))
  const typeOf = {
    per_model_number: 'number',
    per_model_boolean: 'boolean',
    per_model_category: 'string',
  }
  file.examples.forEach((e, i) => {
    need(
      JSON.stringify(Object.keys(e).sort()) ===
        '["custom_fields","individual_rater_scores","input_text","output_text_a","output_text_b","score","tags"]',
      `examples[${i}] keys`,
    )
    need(typeof e.input_text === 'string', `examples[${i}].input_text`)
    need(Array.isArray(e.tags) && e.tags.every((t) => typeof t === 'string'), `examples[${i}].tags`)
    need(typeof e.output_text_a === 'string' && typeof e.output_text_b === 'string', 'outputs')
    need(typeof e.score === 'number' && Math.abs(e.score) <= 1.5, `examples[${i}].score`)
    need(Array.isArray(e.individual_rater_scores), `examples[${i}].individual_rater_scores`)
    for (const [name, value] of Object.entries(e.custom_fields)) {
      const type = types.get(name)
      need(type !== undefined, `examples[${i}].custom_fields.${name} is declared`)
      if (type && type in typeOf) {
        const want = typeOf[type as keyof typeof typeOf]
        need(
          Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === want),
          `examples[${i}].custom_fields.${name}: two ${want}s`,
        )
      } else if (type === 'string') need(typeof value === 'string', `${name}: a string`)
    }
  })
  return errors
}

/** Keys and value types, recursively (the first element standing for an array's items). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])]
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, shape(v)] as const)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    )
  }
  return typeof value
}

function sampleFile(): LlmComparatorFile {
  const a1 = makeTrace('a', 1, {
    problemHash: 'p1',
    correct: true,
    metrics: makeMetrics({ words: 900, pivotsPer1k: 12.345, hasFinalAnswer: true }),
  })
  const a2 = makeTrace('a', 2, { problemHash: 'p2', correct: null })
  const b1 = makeTrace('b', 1, { problemHash: 'p1', correct: false })
  const b9 = makeTrace('b', 9, { problemHash: 'p9' })
  const pairs = pairByProblem([a2, a1], [b9, b1])
  expect(pairs.map(([a, b]) => [a.id, b.id])).toEqual([[a1.id, b1.id]])
  return llmComparatorFile({
    modelNames: ['sky-t1', 'qwen'],
    sourcePath: 'Tracemark test',
    pairs: pairs.map(([a, b]) => ({
      a: { trace: a, texts: makeTexts(a, { reasoning: 'Wait, 7*8=56.', answer: '56' }) },
      b: { trace: b, texts: makeTexts(b) },
    })),
  })
}

describe('LLM Comparator export', () => {
  it('writes one example per paired problem, valid against the schema', () => {
    const file = sampleFile()
    expect(schemaErrors(file)).toEqual([])
    const [e] = file.examples
    expect(e!.output_text_a).toBe('<think>Wait, 7*8=56.</think>56')
    expect(e!.score).toBe(1)
    expect(e!.custom_fields.pivots_per_1k).toEqual([12.35, 0])
    expect(e!.custom_fields.correctness).toEqual(['correct', 'incorrect'])
    // it survives JSON, as the file is read by the tool
    expect(schemaErrors(JSON.parse(JSON.stringify(file)) as LlmComparatorFile)).toEqual([])
  })

  it.skipIf(!existsSync(FORMATS))('has the shape of the example in FORMATS.md', () => {
    const example = formatsExample() as LlmComparatorFile
    // the validator accepts the reference example itself
    expect(schemaErrors(example)).toEqual([])
    const ours = sampleFile()
    expect(shape({ ...ours, examples: [] })).toEqual(shape({ ...example, examples: [] }))
    const fieldsless = (f: LlmComparatorFile) => ({ ...f.examples[0], custom_fields: {} })
    expect(shape(fieldsless(ours))).toEqual(shape(fieldsless(example)))
  })
})
