import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { openTestDb } from '../testing/test-db'
import { makeAnnotation, makeDataset, makeTexts, makeTrace } from '../testing/make-rows'
import { putTraceBatch } from '../db/traces'
import { parseTracemarkLine } from '../lib/export/tracemark-jsonl'
import { exportDatasetJsonl, exportTracesJsonl } from './export-job'

async function seed(db: ReturnType<typeof openTestDb>, name: string, n: number) {
  const dataset = makeDataset({ name, traceCount: n })
  await db.datasets.add(dataset)
  const traces = Array.from({ length: n }, (_, i) =>
    makeTrace(dataset.id, i + 1, { key: `${name}-${i + 1}` }),
  )
  await putTraceBatch(
    db,
    traces,
    traces.map((t) => makeTexts(t)),
  )
  return { dataset, traces }
}

const lines = async (blob: Blob) =>
  (await blob.text())
    .trim()
    .split('\n')
    .map((l, i) => parseTracemarkLine(l, i + 1))

describe('export jobs', () => {
  it('exports a whole dataset in source order, across pages, with its spans', async () => {
    const db = openTestDb()
    const { traces } = await seed(db, 'a', 1203)
    await seed(db, 'b', 3)
    await db.annotations.add(makeAnnotation(traces[700]!.id))
    const progress: number[] = []
    const out = await lines(
      await exportDatasetJsonl(db, traces[0]!.datasetId, (p) => progress.push(p.traces)),
    )
    expect(out.map((r) => r.trace.key)).toEqual(traces.map((t) => t.key))
    expect(out[700]!.annotations).toHaveLength(1)
    expect(progress.at(-1)).toBe(1203)
  })

  it('exports the chosen traces of several datasets, each line with its own dataset', async () => {
    const db = openTestDb()
    const a = await seed(db, 'a', 5)
    const b = await seed(db, 'b', 5)
    const chosen = [b.traces[4]!.id, a.traces[1]!.id, 'gone:000000001']
    const out = await lines(await exportTracesJsonl(db, chosen, () => {}))
    expect(out.map((r) => [r.trace.key, r.dataset.name])).toEqual([
      ['b-5', 'b'],
      ['a-2', 'a'],
    ])
  })
})

describe('export jobs in other formats', () => {
  it('writes a dataset as doccano JSONL and Label Studio (tasks and config zipped)', async () => {
    const db = openTestDb()
    const { traces } = await seed(db, 'a', 3)
    await db.annotations.add(makeAnnotation(traces[1]!.id))
    const choice = (format: 'doccano' | 'label-studio') => ({ format, options: { texts: true } })
    const doccano = await exportDatasetJsonl(db, traces[0]!.datasetId, () => {}, choice('doccano'))
    const lines = (await doccano.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.label)).toEqual([[], [[0, 4, 'realization']], []])
    const zip = await exportDatasetJsonl(db, traces[0]!.datasetId, () => {}, choice('label-studio'))
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()))
    expect(Object.keys(files).sort()).toEqual(['labeling-config.xml', 'tasks.json'])
    expect(strFromU8(files['labeling-config.xml']!)).toContain('<Label value="realization"/>')
    expect(JSON.parse(strFromU8(files['tasks.json']!))).toHaveLength(3)
  })
})

describe('export jobs with a filter', () => {
  it('writes only the traces and spans the filter keeps', async () => {
    const db = openTestDb()
    const { traces } = await seed(db, 'a', 4)
    await db.traces.update(traces[1]!.id, { status: 'done', tags: ['keep'] })
    await db.traces.update(traces[2]!.id, { status: 'done' })
    await db.annotations.bulkAdd([
      makeAnnotation(traces[1]!.id, { annotator: 'ana' }),
      makeAnnotation(traces[1]!.id, { id: 'other', annotator: 'bo' }),
      makeAnnotation(traces[2]!.id, { annotator: 'bo' }),
    ])
    const run = async (filter: {
      statuses?: ('todo' | 'in-progress' | 'done')[]
      tags?: string[]
      annotators?: string[]
    }) =>
      lines(
        await exportDatasetJsonl(db, traces[0]!.datasetId, () => {}, {
          format: 'tracemark',
          options: { texts: true },
          filter: { statuses: [], tags: [], labels: [], annotators: [], ...filter },
        }),
      )
    expect((await run({ statuses: ['done'] })).map((r) => r.trace.key)).toEqual(['a-2', 'a-3'])
    expect((await run({ tags: ['keep'] })).map((r) => r.trace.key)).toEqual(['a-2'])
    const ana = await run({ annotators: ['ana'] })
    expect(ana.map((r) => [r.trace.key, r.annotations.map((a) => a.annotator)])).toEqual([
      ['a-2', ['ana']],
    ])
  })
})

describe('export jobs streamed to a sink (a picked file)', () => {
  it('hands over each page as it is written (before its progress); the parts make the same file', async () => {
    const db = openTestDb()
    const { traces } = await seed(db, 'a', 1203)
    const whole = await exportDatasetJsonl(db, traces[0]!.datasetId, () => {})
    const parts: string[] = []
    const progressAtPart: number[] = []
    let progress = 0
    const result = await exportDatasetJsonl(
      db,
      traces[0]!.datasetId,
      (p) => (progress = p.traces),
      undefined,
      async (part) => {
        progressAtPart.push(progress)
        parts.push(await part.text())
      },
    )
    expect(result).toBeNull()
    // Pages of 500: three parts, each taken before the page after it was read.
    expect(parts.map((p) => p.trim().split('\n').length)).toEqual([500, 500, 203])
    expect(progressAtPart).toEqual([0, 500, 1000])
    expect(parts.join('')).toBe(await whole.text())
  })

  it('the chosen traces, and a format with a companion file as one zip at the end', async () => {
    const db = openTestDb()
    const { traces } = await seed(db, 'a', 3)
    const parts: Blob[] = []
    const emit = (part: Blob) => {
      parts.push(part)
      return Promise.resolve()
    }
    const ids = [traces[2]!.id, traces[0]!.id]
    expect(await exportTracesJsonl(db, ids, () => {}, undefined, emit)).toBeNull()
    expect((await lines(new Blob(parts))).map((r) => r.trace.key)).toEqual(['a-3', 'a-1'])
    parts.length = 0
    const studio = { format: 'label-studio' as const, options: { texts: true } }
    await exportDatasetJsonl(db, traces[0]!.datasetId, () => {}, studio, emit)
    expect(parts).toHaveLength(1)
    const files = unzipSync(new Uint8Array(await parts[0]!.arrayBuffer()))
    expect(Object.keys(files).sort()).toEqual(['labeling-config.xml', 'tasks.json'])
  })

  it('a sink that fails stops the export with its error', async () => {
    const db = openTestDb()
    const { traces } = await seed(db, 'a', 3)
    await expect(
      exportDatasetJsonl(
        db,
        traces[0]!.datasetId,
        () => {},
        undefined,
        () => Promise.reject(new Error('the disk is full')),
      ),
    ).rejects.toThrow('the disk is full')
  })
})
