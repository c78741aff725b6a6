/**
 * Every worker job's failure reaches the user (#13): each job is run against a database that
 * refuses it (writes that throw, as on a full disk, or a closed connection), must reject with
 * the reason, and the page's job controller must turn that into an error notice naming it.
 */
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { createJob } from './jobs'
import { LEXICON_PRESETS, PIVOT_LEXICON } from '../lib/analysis/lexicon-presets'
import { newId } from '../lib/traces/ids'
import { useNoticeStore } from '../stores/notice-store'
import type { TracemarkDB } from '../db/database'
import { beginDataset, finishDataset } from '../db/datasets'
import { putTraceBatch } from '../db/traces'
import { makeDataset, makeTexts, makeTrace } from '../testing/make-rows'
import { openTestDb } from '../testing/test-db'
import { exportDatasetJsonl } from '../workers/export-job'
import { runImport } from '../workers/import-job'
import { previewFile } from '../workers/import-preview'
import { runRecompute } from '../workers/recompute-job'
import { runRestore } from '../workers/restore-job'
import { searchTexts } from '../workers/search-job'

const FULL = 'the disk is full'

/** A ready dataset of `n` traces whose reasoning holds a pivot. */
async function seedTraces(db: TracemarkDB, n: number) {
  const dataset = makeDataset()
  await beginDataset(db, dataset)
  const traces = Array.from({ length: n }, (_, i) => makeTrace(dataset.id, i))
  await putTraceBatch(
    db,
    traces,
    traces.map((t) => makeTexts(t, { reasoning: 'Wait, no.' })),
  )
  await finishDataset(db, dataset.id, { traceCount: n, textChars: 9 * n, fieldMap: {} })
  return { datasetId: dataset.id }
}

/** Makes every put and add of every database throw until the returned undo runs. */
function refuseWrites(): () => void {
  const proto = IDBObjectStore.prototype
  const saved = { put: proto.put, add: proto.add }
  proto.put = proto.add = () => {
    throw new DOMException(FULL, 'QuotaExceededError')
  }
  return () => Object.assign(proto, saved)
}

/** Runs `job` through the page's job controller; returns the notice the user is shown. */
async function noticeOf(what: string, job: () => Promise<unknown>): Promise<string | undefined> {
  const controller = createJob(() => ({ done: job(), cancel: async () => {} }), {
    failureWhat: what,
  })
  expect(await controller.start()).toBeUndefined()
  expect(controller.getState().phase).toBe('failed')
  return useNoticeStore.getState().notices.at(-1)?.message
}

afterEach(() => useNoticeStore.getState().reset())

describe('a failed worker job reaches the user', () => {
  it('import: writes refused', async () => {
    const db = openTestDb()
    const file = new Blob([JSON.stringify({ id: 'a', question: 'q', thinking: 'Wait.' })])
    const preview = await previewFile(file, 'a.jsonl')
    // Opened first: a new database writes its taxonomy presets when it is created, and this
    // test is about the job's own writes.
    await db.open()
    const undo = refuseWrites()
    try {
      const message = await noticeOf('import a.jsonl', () =>
        runImport(
          db,
          file,
          {
            datasetId: newId(),
            name: 'a',
            variant: '',
            fileName: 'a.jsonl',
            format: preview.format,
            lexicon: PIVOT_LEXICON,
            mapping: preview.mapping,
          },
          () => {},
        ),
      )
      expect(message).toMatch(/^Could not import a\.jsonl: .*the disk is full/)
    } finally {
      undo()
    }
  })

  it('recompute: writes refused', async () => {
    const db = openTestDb()
    await seedTraces(db, 3)
    const undo = refuseWrites()
    try {
      const other = LEXICON_PRESETS[1]!
      const message = await noticeOf('recompute the metrics', () =>
        runRecompute(db, other, () => {}),
      )
      expect(message).toMatch(/^Could not recompute the metrics: .*the disk is full/)
    } finally {
      undo()
    }
  })

  it('restore: writes refused', async () => {
    const db = openTestDb()
    const { datasetId } = await seedTraces(db, 2)
    const file = await exportDatasetJsonl(db, datasetId, () => {})
    const fresh = openTestDb()
    await fresh.open() // as above: the presets are written at creation, not by the job
    const undo = refuseWrites()
    try {
      const message = await noticeOf('restore the export', () =>
        runRestore(
          fresh,
          file,
          { fileName: 'x.jsonl', mode: 'new', mergeInto: {}, skipBadLines: false },
          () => {},
        ),
      )
      expect(message).toMatch(/^Could not restore the export: .*the disk is full/)
    } finally {
      undo()
    }
  })

  it('export: the database closed', async () => {
    const db = openTestDb()
    const { datasetId } = await seedTraces(db, 2)
    db.close()
    const message = await noticeOf('export the dataset', () =>
      exportDatasetJsonl(db, datasetId, () => {}),
    )
    expect(message).toMatch(/^Could not export the dataset: .*closed/i)
  })

  it('search: the database closed', async () => {
    const db = openTestDb()
    await seedTraces(db, 2)
    db.close()
    const message = await noticeOf('search the traces', () => searchTexts(db, 'wait', [], () => {}))
    expect(message).toMatch(/^Could not search the traces: .*closed/i)
  })
})
