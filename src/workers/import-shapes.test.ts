/// <reference types="node" />
/**
 * The shapes of issue #9, each from a fixture written for it (e2e/fixtures/, shared with the
 * end-to-end tests), through the page's path: preview (detect shape and mapping), then import
 * into fake-indexeddb. Expected values come from the fixtures' own fields.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PIVOT_LEXICON } from '../lib/analysis/lexicon-presets'
import { newId } from '../lib/traces/ids'
import { openTestDb } from '../testing/test-db'
import { runImport } from './import-job'
import { previewFile } from './import-preview'
import type { ImportRequest } from './import-protocol'

const fixture = (name: string) =>
  readFileSync(new URL(`../../e2e/fixtures/${name}`, import.meta.url), 'utf8')

async function importFixture(name: string) {
  const db = openTestDb()
  const file = new Blob([fixture(name)])
  const preview = await previewFile(file, name)
  const request: ImportRequest = {
    datasetId: newId(),
    name,
    variant: '',
    fileName: name,
    format: preview.format,
    lexicon: PIVOT_LEXICON,
    mapping: preview.mapping,
  }
  const summary = await runImport(db, file, request, () => {})
  const traces = await db.traces.where('datasetId').equals(request.datasetId).sortBy('id')
  const texts = await db.texts.where('datasetId').equals(request.datasetId).sortBy('traceId')
  return { db, preview, summary, traces, texts }
}

describe('nested responses beside a prompt with thought markers', () => {
  const source = JSON.parse(fixture('nested-responses.json')) as Record<
    string,
    { id: string; responses: Record<string, { correctness: boolean; content: string }> }
  >

  it('takes the responses as the traces and the prompt as context', async () => {
    const { preview, traces, texts } = await importFixture('nested-responses.json')
    expect(preview.mapping.shape).toEqual({ kind: 'nested', field: 'responses' })
    expect(preview.mapping.fieldMap).toMatchObject({
      reasoning: 'content',
      correct: 'correctness',
      id: 'id',
    })
    expect(preview.mapping.fieldMap.reasoning).not.toBe('prompt')
    // one trace per response, each with its own text and the file's own correctness flag
    const expected = Object.values(source).flatMap((p) =>
      Object.entries(p.responses).map(([t, r]) => [`${p.id}#${t}`, r.correctness]),
    )
    expect(traces.map((t) => [t.key, t.correct])).toEqual(expected)
    expect(new Set(texts.map((t) => t.reasoning)).size).toBe(expected.length)
    for (const t of texts) expect(t.reasoning).not.toContain('Example:')
    expect(texts[0]!.extra.prompt).toContain('<|begin_of_thought|>')
  })

  it('offers the other record shapes in the preview', async () => {
    const { preview } = await importFixture('nested-responses.json')
    expect(preview.shapes[0]).toEqual(preview.mapping.shape)
    expect(preview.shapes).toContainEqual({ kind: 'flat' })
  })
})

describe('chunk-per-record files (Thought Anchors)', () => {
  const chunks = JSON.parse(fixture('chunks_labeled.json')) as {
    chunk: string
    chunk_idx: number
    function_tags: string[]
    summary: string
    depends_on: string[]
    accuracy: number
  }[]
  const ordered = [...chunks].sort((a, b) => a.chunk_idx - b.chunk_idx)

  it('rebuilds one trace in chunk order, labels as imported spans, depends_on as relations', async () => {
    const { db, preview, traces, texts } = await importFixture('chunks_labeled.json')
    expect(preview.mapping.shape).toEqual({ kind: 'chunks', text: 'chunk', order: 'chunk_idx' })
    expect(traces).toHaveLength(1)
    expect(traces[0]!.key).toBe('chunks_labeled')
    expect(texts[0]!.reasoning).toBe(ordered.map((c) => c.chunk).join(' '))
    const spans = await db.annotations.where('traceId').equals(traces[0]!.id).toArray()
    expect(spans).toHaveLength(ordered.reduce((n, c) => n + c.function_tags.length, 0))
    for (const c of ordered) {
      const own = spans.filter((s) => s.quote === c.chunk)
      expect(own.map((s) => s.label).sort()).toEqual([...c.function_tags].sort())
      for (const s of own) {
        expect(texts[0]!.reasoning.slice(s.start, s.end)).toBe(c.chunk)
        expect(s).toMatchObject({
          origin: 'imported',
          annotator: 'chunks_labeled',
          note: c.summary,
        })
        expect(s.attributes).toMatchObject({ accuracy: c.accuracy, chunk_idx: c.chunk_idx })
      }
    }
    const relations = await db.relations.where('traceId').equals(traces[0]!.id).toArray()
    const byId = new Map(spans.map((s) => [s.id, s]))
    const links = relations.map((r) => [
      byId.get(r.from)!.attributes!.chunk_idx,
      byId.get(r.to)!.attributes!.chunk_idx,
    ])
    const expected = ordered.flatMap((c) => c.depends_on.map((d) => [c.chunk_idx, Number(d)]))
    expect(links.sort()).toEqual(expected.sort())
    expect(relations.every((r) => r.label === 'depends-on')).toBe(true)
    // the chunks themselves are kept
    expect(texts[0]!.extra.chunks).toEqual(chunks)
  })
})

describe('records that carry span annotations', () => {
  it('brings doccano-style label lists in, in UTF-16 or code points, after thought markers', async () => {
    const { db, preview, texts, traces } = await importFixture('source-spans.jsonl')
    expect(preview.mapping.fieldMap.spans).toBe('label')
    const spans = await db.annotations.toArray()
    const quotes = spans.map((s) => [s.quote, s.label]).sort()
    expect(quotes).toEqual(
      [
        ['Wait, I think it is 4.', 'realization'],
        ['Let me verify: 4 - 2 = 2.', 'verification'],
        ['Let me check again: 2 + 3 = 5 🚀 indeed.', 'verification'],
        ['Actually no.', 'realization'],
        ['Actually no.', 'backtrack'],
      ].sort(),
    )
    for (const s of spans) {
      const text = texts.find((t) => t.traceId === s.traceId)!
      expect(text.reasoning.slice(s.start, s.end)).toBe(s.quote)
    }
    expect(spans.find((s) => s.label === 'backtrack')!.attributes).toEqual({ confidence: 0.9 })
    expect(traces).toHaveLength(2)
  })
})

describe('multiple-choice answers', () => {
  it('finds gen_ans and judges letters, brackets, bold, 答案, উত্তর and option text', async () => {
    const { preview, traces } = await importFixture('choice-answers.jsonl')
    expect(preview.mapping.fieldMap).toMatchObject({ answer: 'gen_ans', gold: 'answer' })
    expect(traces.map((t) => t.correct)).toEqual([true, true, true, true, true, false, false, null])
  })
})

describe('truncated traces', () => {
  it('flags an unclosed thought block and a length finish reason', async () => {
    const { traces } = await importFixture('truncated.jsonl')
    expect(traces.map((t) => [t.key, t.truncated])).toEqual([
      ['t1', false],
      ['t2', true],
      ['t3', true],
      ['t4', false],
    ])
  })
})

describe('a file with no recognised reasoning field', () => {
  it('opens the preview with Reasoning to choose', async () => {
    const file = new Blob(['{"n": 1, "m": 2}\n{"n": 3, "m": 4}\n'])
    const preview = await previewFile(file, 'numbers.jsonl')
    expect(preview.mapping.fieldMap.reasoning).toBeUndefined()
    expect(preview.fields).toEqual(['n', 'm'])
  })
})
