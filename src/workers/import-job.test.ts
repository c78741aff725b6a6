import { describe, expect, it } from 'vitest'
import { openTestDb } from '../testing/test-db'
import { makeAnnotation, makeDataset, makeTexts, makeTrace } from '../testing/make-rows'
import { PIVOT_LEXICON } from '../lib/analysis/lexicon-presets'
import { newId } from '../lib/traces/ids'
import { putTraceBatch } from '../db/traces'
import { runImport } from './import-job'
import { previewFile } from './import-preview'
import type { ImportProgress, ImportRequest } from './import-protocol'

const jsonl = (...rows: unknown[]) =>
  rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')

/** Preview (detect the mapping), then import with it, as the page does. */
async function importText(
  db: ReturnType<typeof openTestDb>,
  body: BlobPart,
  fileName = 'set.jsonl',
) {
  const progress: ImportProgress[] = []
  const file = new Blob([body])
  const preview = await previewFile(file, fileName)
  const request: ImportRequest = {
    datasetId: newId(),
    name: 'set',
    variant: 'ST',
    fileName,
    format: preview.format,
    lexicon: PIVOT_LEXICON,
    mapping: preview.mapping,
  }
  const summary = await runImport(db, file, request, (p) => progress.push(p))
  return { summary, progress, request }
}

async function gzip(text: string): Promise<ArrayBuffer> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Response(stream).arrayBuffer()
}

describe('runImport', () => {
  it('imports flat JSONL rows with metrics, texts and extra fields', async () => {
    const db = openTestDb()
    const body = jsonl(
      {
        id: 'a',
        question: 'What is 2+2?',
        thinking: 'Hmm. Wait, 2+2=4.',
        content: '\\boxed{4}',
        gold: '4',
        type: 'arith',
      },
      {
        id: 'b',
        question: 'What is 3+3?',
        thinking: 'Easy: 6.',
        content: '\\boxed{7}',
        gold: '6',
        type: 'arith',
      },
    )
    const { summary, request } = await importText(db, body)
    expect(summary).toMatchObject({ traceCount: 2, badRowCount: 0, awaitingDecision: false })
    expect(summary.fieldMap).toMatchObject({
      problem: 'question',
      reasoning: 'thinking',
      answer: 'content',
      id: 'id',
    })
    const dataset = await db.datasets.get(request.datasetId)
    expect(dataset).toMatchObject({
      status: 'ready',
      traceCount: 2,
      variant: 'ST',
      format: 'jsonl',
    })
    // The dataset row holds the fields of DESIGN section 2, nothing of the import's summary.
    expect(Object.keys(dataset!).sort()).toEqual(
      [
        'fieldMap',
        'format',
        'id',
        'importedAt',
        'name',
        'source',
        'status',
        'textChars',
        'traceCount',
        'variant',
      ].sort(),
    )
    const traces = await db.traces.where('datasetId').equals(request.datasetId).sortBy('id')
    expect(traces.map((t) => [t.key, t.correct])).toEqual([
      ['a', true],
      ['b', false],
    ])
    expect(traces[0]!.metrics.pivots).toMatchObject({ realization: 2 })
    const texts = await db.texts.get(traces[0]!.id)
    expect(texts).toMatchObject({
      reasoning: 'Hmm. Wait, 2+2=4.',
      gold: '4',
      extra: { type: 'arith' },
    })
  })

  it('holds back a dataset with bad rows until the user decides, listing them by line', async () => {
    const db = openTestDb()
    const body = jsonl(
      { id: 1, reasoning: 'Wait.' },
      '{"id": 2, "reasoning": ',
      { id: 3, other: 'x' },
      [1, 2],
    )
    const { summary, request } = await importText(db, body)
    expect(summary.traceCount).toBe(1)
    expect(summary.awaitingDecision).toBe(true)
    expect(summary.badRows.map((r) => r.at)).toEqual(['line 2', 'line 3', 'line 4'])
    expect(summary.badRows[0]!.reason).toMatch(/^invalid JSON/)
    expect(summary.badRows[1]!.reason).toBe('the reasoning field "reasoning" is missing')
    expect(summary.badRows[2]!.reason).toBe('expected an object, found a list')
    expect(await db.datasets.get(request.datasetId)).toMatchObject({
      status: 'pending',
      pending: { reason: 'bad-rows', badRowCount: 3 },
    })
  })

  it('reads gzip-compressed JSONL', async () => {
    const db = openTestDb()
    const body = await gzip(
      jsonl({ reasoning: 'Alternatively, try 5.' }, { reasoning: 'Maybe 6.' }),
    )
    const { summary } = await importText(db, body, 'set.jsonl.gz')
    expect(summary.traceCount).toBe(2)
  })

  it('normalises CRLF and keeps the original in extra', async () => {
    const db = openTestDb()
    const { request } = await importText(db, jsonl({ reasoning: 'Step 1.\r\n\r\nWait, step 2.' }))
    const [texts] = await db.texts.where('datasetId').equals(request.datasetId).toArray()
    expect(texts!.reasoning).toBe('Step 1.\n\nWait, step 2.')
    expect(texts!.extra['tracemark.original.reasoning']).toBe('Step 1.\r\n\r\nWait, step 2.')
  })

  it.each([
    ['a binary file', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), /binary file/],
    ['a truncated Parquet file', new TextEncoder().encode('PAR1\u0000\u0000'), /Parquet file/],
    ['a zip archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), /zip archive/],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /PNG/i],
    ['a bzip2 file', new TextEncoder().encode('BZh91AY&SY'), /bzip2/i],
    [
      'a damaged gzip file',
      new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef]),
      /gzip|compress|decompress/i,
    ],
    ['a truncated JSON array', '[{"reasoning": "Wait, one."}, {"reasoning": "Hmm', /JSON/],
    [
      'JSON with garbage after it',
      '[{"reasoning": "Wait, long enough to be a trace of reasoning."}] trailing',
      /JSON|after/i,
    ],
    ['a JSON scalar', '42', /JSON|record|object/i],
    ['whitespace only', '   \n\n  ', /only whitespace/],
    ['records that are not objects', '[1, 2, 3]', /not objects/],
    [
      'a CSV with an unterminated quote',
      'id,reasoning\n1,"Wait, this never ends\n2,ok',
      /quote/i,
      'input.csv',
    ],
    [
      'a zstd file',
      new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 1]),
      /zstd compression is not supported/,
    ],
    ['an empty file', '', /the file is empty/],
    ['prose', 'Dear diary,\nnot JSON at all', /no valid records \(line 1: invalid JSON/],
    [
      'rows without text',
      jsonl({ id: 1, n: 2 }, { id: 2, n: 3 }),
      // the preview opens with Reasoning to choose; importing without one refuses every row
      /no valid records \(2 bad; first: line 1: no field is mapped to the reasoning\)/,
    ],
    ['non-UTF-8 bytes', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), /not UTF-8 text/],
  ])(
    'refuses %s with a message naming the file, and writes nothing',
    async (_, body, message, name = 'input.jsonl') => {
      const db = openTestDb()
      const existing = makeDataset()
      await db.datasets.add(existing)
      const [trace] = [makeTrace(existing.id, 1)]
      await putTraceBatch(db, [trace!], [makeTexts(trace!)])
      await db.annotations.add(makeAnnotation(trace!.id))
      const failure = importText(db, body as BlobPart, name)
      await expect(failure).rejects.toThrow(new RegExp(`^${name.replace('.', '\\.')}: `))
      await expect(failure).rejects.toThrow(message)
      expect(await db.datasets.count()).toBe(1)
      expect(await db.traces.count()).toBe(1)
      expect(await db.texts.count()).toBe(1)
      expect(await db.annotations.count()).toBe(1)
    },
  )

  it('removes what it wrote when cancelled mid-way', async () => {
    const db = openTestDb()
    const rows = Array.from({ length: 1500 }, (_, i) => ({ id: i, reasoning: `Wait, ${i}` }))
    const controller = new AbortController()
    const request: ImportRequest = {
      datasetId: newId(),
      name: 'big',
      variant: '',
      fileName: 'big.jsonl',
      format: 'jsonl',
      lexicon: PIVOT_LEXICON,
      mapping: { shape: { kind: 'flat' }, fieldMap: { reasoning: 'reasoning', id: 'id' } },
    }
    let batches = 0
    const run = runImport(
      db,
      new Blob([jsonl(...rows)]),
      request,
      () => {
        batches += 1
        if (batches === 1) controller.abort()
      },
      controller.signal,
    )
    await expect(run).rejects.toThrow()
    expect(await db.datasets.count()).toBe(0)
    expect(await db.traces.count()).toBe(0)
    expect(await db.texts.count()).toBe(0)
  })

  it('reports progress in rows and bytes', async () => {
    const db = openTestDb()
    const body = jsonl(...Array.from({ length: 1200 }, (_, i) => ({ reasoning: `Hmm ${i}` })))
    const { progress } = await importText(db, body)
    const last = progress[progress.length - 1]!
    expect(last).toMatchObject({
      rows: 1200,
      badRows: 0,
      bytes: body.length,
      totalBytes: body.length,
    })
  })
})
