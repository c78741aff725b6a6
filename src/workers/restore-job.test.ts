import { describe, expect, it } from 'vitest'
import { openTestDb } from '../testing/test-db'
import { makeAnnotation, makeDataset, makeTexts, makeTrace } from '../testing/make-rows'
import { putTraceBatch } from '../db/traces'
import type { TracemarkDB } from '../db/database'
import { traceId } from '../lib/traces/ids'
import type { Trace } from '../lib/traces/trace-model'
import { exportDatasetJsonl } from './export-job'
import { previewFile } from './import-preview'
import { runRestore, StagedRestore } from './restore-job'
import type { RestoreRequest } from './restore-protocol'

const REASONING = 'Wait, 中文 check 🎉 again.\r\nLet me verify: 7*8 = 56 👍🏽.'

/** A dataset of `n` traces; trace 2 carries three spans (CJK, emoji) and a relation. */
async function seed(db: TracemarkDB, n = 3, annotator = 'ana') {
  const dataset = makeDataset({ name: 'Sky-T1', traceCount: n, variant: 'ST' })
  await db.datasets.add(dataset)
  const traces = Array.from({ length: n }, (_, i) =>
    makeTrace(dataset.id, i + 1, {
      key: `k${i + 1}`,
      problemHash: `h${i + 1}`,
      tags: i === 1 ? ['emergent'] : [],
      ...(i === 1 ? { tagsBy: { [annotator]: ['emergent'] } } : {}),
      status: i === 1 ? 'done' : 'todo',
    }),
  )
  const texts = traces.map((t) =>
    makeTexts(t, { reasoning: REASONING, extra: { source: { id: t.key } } }),
  )
  await putTraceBatch(db, traces, texts)
  // As an import counts it: the dataset's size estimate.
  const textChars = texts.reduce(
    (n, t) => n + t.problem.length + t.reasoning.length + t.answer.length,
    0,
  )
  await db.datasets.update(dataset.id, { textChars })
  const target = traces[1]!.id
  const spans = await addSpans(db, target, annotator)
  await db.relations.add({
    id: `rel-${annotator}`,
    traceId: target,
    from: spans[0]!.id,
    to: spans[2]!.id,
    label: 'verifies',
    annotator,
  })
  return { dataset, traces }
}

async function addSpans(db: TracemarkDB, trace: string, annotator: string) {
  const span = (quote: string, label: string) => {
    const start = REASONING.indexOf(quote)
    return makeAnnotation(trace, {
      id: `${annotator}-${label}`,
      start,
      end: start + quote.length,
      quote,
      label,
      annotator,
      note: `${quote} ✓`,
    })
  }
  const spans = [
    span('Wait', 'realization'),
    span('中文 check 🎉', 'exploration'),
    span('verify: 7*8 = 56 👍🏽', 'verification'),
  ]
  await db.annotations.bulkAdd(spans)
  return spans
}

const exported = async (db: TracemarkDB, datasetId: string) =>
  new File([await exportDatasetJsonl(db, datasetId, () => {})], 'tracemark-sky.jsonl')

async function everything(db: TracemarkDB) {
  const sort = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => (a.id < b.id ? -1 : 1))
  return {
    datasets: await db.datasets.toArray(),
    traces: await db.traces.toArray(),
    texts: await db.texts.toArray(),
    annotations: sort(await db.annotations.toArray()),
    relations: sort(await db.relations.toArray()),
  }
}

const request = (over: Partial<RestoreRequest> = {}): RestoreRequest => ({
  fileName: 'tracemark-sky.jsonl',
  mode: 'new',
  mergeInto: {},
  skipBadLines: false,
  ...over,
})

describe('restore of a Tracemark export', () => {
  it('is detected by its shape and restores every row exactly into an empty database', async () => {
    const source = openTestDb()
    const { dataset } = await seed(source)
    const file = await exported(source, dataset.id)

    const fresh = openTestDb()
    const preview = await previewFile(file, file.name, fresh)
    expect(preview.format).toBe('tracemark')
    expect(preview.tracemark).toMatchObject({ traces: 3, spans: 3, relations: 1, badLineCount: 0 })
    expect(preview.tracemark!.datasets).toEqual([
      {
        id: dataset.id,
        name: 'Sky-T1',
        traces: 3,
        spans: 3,
        relations: 1,
        exportedTraceCount: 3,
        match: null,
      },
    ])
    const summary = await runRestore(fresh, file, request(), () => {})
    expect(summary).toMatchObject({ traces: 3, spans: 3, relations: 1, duplicateSpans: 0 })
    expect(await everything(fresh)).toEqual(await everything(source))
  })

  it('offers the existing traces and adds a colleague’s spans onto them, once', async () => {
    const mine = openTestDb()
    const { dataset, traces } = await seed(mine, 3, 'ana')
    // The colleague imported the same source file: other ids, same keys and problems.
    const theirs = openTestDb()
    const colleague = await seed(theirs, 3, 'bob')
    const file = await exported(theirs, colleague.dataset.id)

    const preview = await previewFile(file, file.name, mine)
    expect(preview.tracemark!.datasets[0]!.match).toEqual({
      datasetId: dataset.id,
      name: 'Sky-T1',
      traces: 3,
    })
    const before = await everything(mine)
    const merge = request({ mode: 'merge', mergeInto: { [colleague.dataset.id]: dataset.id } })
    const summary = await runRestore(mine, file, merge, () => {})
    expect(summary).toMatchObject({ datasets: [], traces: 0, mergedTraces: 3, spans: 3 })
    const after = await everything(mine)
    // Only bob's tags join trace 2 (tagsBy, and tags with them); nothing else of the traces moves.
    const strip = ({ tagsBy: _by, updatedAt: _at, ...rest }: Trace) => rest
    expect(after.traces.map(strip)).toEqual(before.traces.map(strip))
    expect(after.traces.find((t) => t.id === traces[1]!.id)!.tagsBy).toEqual({
      ana: ['emergent'],
      bob: ['emergent'],
    })
    expect(after.datasets).toEqual(before.datasets)
    const bobs = after.annotations.filter((a) => a.annotator === 'bob')
    expect(bobs.map((a) => [a.id, a.traceId, a.quote])).toEqual([
      ['bob-exploration', traces[1]!.id, '中文 check 🎉'],
      ['bob-realization', traces[1]!.id, 'Wait'],
      ['bob-verification', traces[1]!.id, 'verify: 7*8 = 56 👍🏽'],
    ])
    expect(after.relations.find((r) => r.annotator === 'bob')).toMatchObject({
      traceId: traces[1]!.id,
      from: 'bob-realization',
      to: 'bob-verification',
    })

    // The same file again: every span is already there.
    const again = await runRestore(mine, file, merge, () => {})
    expect(again).toMatchObject({ spans: 0, duplicateSpans: 3, relations: 0 })
    expect(await everything(mine)).toEqual(after)
  })

  it('imports as a new dataset with fresh ids where the file’s are taken', async () => {
    const db = openTestDb()
    const { dataset } = await seed(db)
    const file = await exported(db, dataset.id)
    const summary = await runRestore(db, file, request(), () => {})
    const copy = summary.datasets[0]!
    expect(copy.id).not.toBe(dataset.id)
    const rows = await everything(db)
    expect(rows.traces.filter((t) => t.datasetId === copy.id).map((t) => t.id)).toEqual([
      traceId(copy.id, 1),
      traceId(copy.id, 2),
      traceId(copy.id, 3),
    ])
    const copied = rows.annotations.filter((a) => a.traceId === traceId(copy.id, 2))
    expect(copied.map((a) => a.quote).sort()).toEqual([
      'Wait',
      'verify: 7*8 = 56 👍🏽',
      '中文 check 🎉',
    ])
    expect(new Set(rows.annotations.map((a) => a.id)).size).toBe(6)
    const relation = rows.relations.find((r) => r.traceId === traceId(copy.id, 2))!
    expect(copied.map((a) => a.id)).toContain(relation.from)
  })

  describe('bad input', () => {
    async function spoiledFile() {
      const db = openTestDb()
      const { dataset } = await seed(db, 7)
      const lines = (await (await exported(db, dataset.id)).text()).trim().split('\n')
      type Span = { id: string; end: number; text?: string; label?: string }
      type Line = { spans: Span[]; relations: unknown[] }
      const spanOf = (i: number) => (JSON.parse(lines[i]!) as Line).spans[1]!
      const edit = (i: number, change: (line: Line) => void) => {
        const json = JSON.parse(lines[i]!) as Line
        change(json)
        lines[i] = JSON.stringify(json)
      }
      const spanLine = 1 // trace 2 carries the spans
      edit(spanLine, (l) => (l.spans[0]!.end = 10_000)) // outside its text
      edit(2, (l) => {
        l.spans = [{ ...spanOf(1), text: 'other' }]
        l.relations = []
      })
      edit(3, (l) => {
        l.spans = [{ ...spanOf(1), label: 'no-such-label' }]
        l.relations = []
      })
      edit(4, (l) => {
        const span = spanOf(1)
        l.spans = [span]
        l.relations = [{ id: 'r', from: span.id, to: 'missing', label: 'x', annotator: 'a' }]
      })
      const truncated = lines.join('\n').slice(0, -20)
      return new File([truncated], 'tracemark-bad.jsonl')
    }

    it('lists each bad line with its field in the preview', async () => {
      const file = await spoiledFile()
      const preview = await previewFile(file, file.name, openTestDb())
      expect(preview.tracemark!.traces).toBe(2)
      expect(preview.tracemark!.badLines).toEqual([
        {
          at: 'line 2',
          reason: expect.stringMatching(/^spans\[0\]\.end: reasoning: end 10000 is past/),
        },
        {
          at: 'line 3',
          reason: expect.stringMatching(
            /^spans\[0\]\.text: reasoning: text at .* not the quote "other"/,
          ),
        },
        {
          at: 'line 4',
          reason: 'spans[0].label: unknown label "no-such-label": no taxonomy has it',
        },
        { at: 'line 5', reason: 'relations[0].to: span "missing" is not on this line' },
        { at: 'line 7', reason: expect.stringMatching(/not valid JSON|JSON/) },
      ])
    })

    it('changes nothing unless the user chose to skip them, then restores the rest', async () => {
      const file = await spoiledFile()
      const db = openTestDb()
      const { dataset } = await seed(db, 2, 'ana')
      const before = await everything(db)
      await expect(runRestore(db, file, request(), () => {})).rejects.toThrow(
        /tracemark-sky\.jsonl, line 2: spans\[0\]\.end/,
      )
      await expect(
        runRestore(db, file, request({ mode: 'merge', mergeInto: { x: dataset.id } }), () => {}),
      ).rejects.toThrow(/line 2/)
      expect(await everything(db)).toEqual(before)

      const summary = await runRestore(db, file, request({ skipBadLines: true }), () => {})
      expect(summary).toMatchObject({ traces: 2, badLineCount: 5 })
      expect((await everything(db)).traces).toHaveLength(2 + 2)
    })

    it('takes back merged spans when the restore stops half-way', async () => {
      const db = openTestDb()
      const { dataset } = await seed(db, 3, 'ana')
      const theirs = openTestDb()
      const colleague = await seed(theirs, 3, 'bob')
      const text = await (await exported(theirs, colleague.dataset.id)).text()
      const file = new File([`${text}{"format":"tracemark"}\n`], 'tracemark-cut.jsonl')
      const before = await everything(db)
      const merge = request({ mode: 'merge', mergeInto: { [colleague.dataset.id]: dataset.id } })
      // Batches of 2: the spans of trace 2 are written before line 4 stops the restore.
      await expect(runRestore(db, file, merge, () => {}, undefined, 2)).rejects.toThrow(
        /line 4: version: missing/,
      )
      expect(await everything(db)).toEqual(before)
    })

    it('removes a new dataset whole when a bad line stops it while a batch is being written', async () => {
      const theirs = openTestDb()
      const colleague = await seed(theirs, 3, 'bob')
      const text = await (await exported(theirs, colleague.dataset.id)).text()
      const file = new File([`${text}{"format":"tracemark"}\n`], 'tracemark-cut.jsonl')
      const db = openTestDb()
      await seed(db, 2, 'ana')
      const before = await everything(db)
      // Batches of 1: each batch is written while the next line is read, the last when line 4 stops it.
      await expect(runRestore(db, file, request(), () => {}, undefined, 1)).rejects.toThrow(
        /line 4: version: missing/,
      )
      expect(await everything(db)).toEqual(before)
    })

    it('staged by the preview: the valid lines as the restore skipping bad ones writes them, or nothing', async () => {
      const file = await spoiledFile()
      const restored = openTestDb()
      const plain = await runRestore(restored, file, request({ skipBadLines: true }), () => {})

      const db = openTestDb()
      const empty = await everything(db)
      const stage = new StagedRestore(db, file, file.name, 1)
      const preview = await previewFile(file, file.name, db, stage)
      expect(stage.staging).toBe(true)
      // Nothing shows before the user chose: the staged dataset is `importing`, and marked.
      expect(await db.datasets.toArray()).toMatchObject([{ status: 'importing', staged: true }])
      // Bad lines and no choice to skip them: taken back, for the ordinary restore to refuse.
      expect(await stage.finish(request(), () => {})).toBeNull()
      expect(await everything(db)).toEqual(empty)

      const again = new StagedRestore(db, file, file.name, 1)
      await previewFile(file, file.name, db, again)
      const summary = await again.finish(request({ skipBadLines: true }), () => {})
      expect(summary).toEqual(plain)
      expect(summary!.badLines).toEqual(preview.tracemark!.badLines)
      expect(await everything(db)).toEqual(await everything(restored))
    })
  })

  describe('staged by the preview', () => {
    it('restores as new datasets exactly as the restore does', async () => {
      const source = openTestDb()
      const { dataset } = await seed(source, 5)
      const file = await exported(source, dataset.id)
      const db = openTestDb()
      const stage = new StagedRestore(db, file, file.name)
      await previewFile(file, file.name, db, stage)
      expect(stage.staging).toBe(true)
      // One batch, smaller than a full one, written by the end of the preview.
      await expect.poll(() => db.traces.count()).toBe(5)
      const progress: number[] = []
      const summary = await stage.finish(request(), (p) => progress.push(p.rows))
      expect(summary).toMatchObject({ traces: 5, spans: 3, relations: 1, badLineCount: 0 })
      expect(progress.at(-1)).toBe(5)
      expect(await everything(db)).toEqual(await everything(source))
      expect(Object.keys((await db.datasets.toArray())[0]!)).not.toContain('staged')
    })

    it('is taken back whole when the user cancels or chooses to merge', async () => {
      const source = openTestDb()
      const { dataset } = await seed(source, 5)
      const file = await exported(source, dataset.id)
      const db = openTestDb()
      await seed(db, 2, 'cy') // other keys would match: these are k1, k2 of another dataset
      await db.traces.toCollection().modify((t) => void (t.problemHash = `other-${t.key}`))
      const before = await everything(db)
      const cancelled = new StagedRestore(db, file, file.name, 2)
      await previewFile(file, file.name, db, cancelled)
      expect(cancelled.staging).toBe(true)
      await cancelled.discard()
      expect(await everything(db)).toEqual(before)

      const merged = new StagedRestore(db, file, file.name, 2)
      await previewFile(file, file.name, db, merged)
      const merge = request({ mode: 'merge', mergeInto: { [dataset.id]: 'x' } })
      expect(await merged.finish(merge, () => {})).toBeNull()
      expect(await everything(db)).toEqual(before)
    })

    it('stages nothing for a file whose traces are already here (a merge, most likely)', async () => {
      const mine = openTestDb()
      await seed(mine, 3, 'ana')
      const theirs = openTestDb()
      const colleague = await seed(theirs, 3, 'bob')
      const file = await exported(theirs, colleague.dataset.id)
      const before = await everything(mine)
      const stage = new StagedRestore(mine, file, file.name)
      await previewFile(file, file.name, mine, stage)
      expect(stage.staging).toBe(false)
      expect(await everything(mine)).toEqual(before)
    })
  })
})
