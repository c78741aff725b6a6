import { describe, expect, it } from 'vitest'
import { openTestDb } from '../testing/test-db'
import { makeAnnotation, makeDataset, makeTexts, makeTrace } from '../testing/make-rows'
import {
  beginDataset,
  cleanUpAbandonedImports,
  deleteDataset,
  finishDataset,
  listDatasets,
  listReadyDatasets,
} from './datasets'
import { putTraceBatch } from './traces'
import { addAnnotation } from './annotations'

async function seed(db: ReturnType<typeof openTestDb>, status: 'ready' | 'importing', n = 3) {
  const dataset = makeDataset({ status })
  await db.datasets.add(dataset)
  const traces = Array.from({ length: n }, (_, i) => makeTrace(dataset.id, i + 1))
  await putTraceBatch(
    db,
    traces,
    traces.map((t) => makeTexts(t)),
  )
  await addAnnotation(db, makeAnnotation(traces[0]!.id))
  return dataset
}

describe('datasets', () => {
  it('keeps a dataset out of the ready list until its import finishes', async () => {
    const db = openTestDb()
    const dataset = makeDataset()
    await beginDataset(db, dataset)
    expect(await listReadyDatasets(db)).toEqual([])
    await finishDataset(db, dataset.id, { traceCount: 5, textChars: 50, fieldMap: {} })
    const [ready] = await listReadyDatasets(db)
    expect(ready).toMatchObject({ id: dataset.id, status: 'ready', traceCount: 5 })
  })

  it('deletes a dataset with its traces, texts and annotations, and nothing else', async () => {
    const db = openTestDb()
    const keep = await seed(db, 'ready')
    const drop = await seed(db, 'ready')
    await deleteDataset(db, drop.id)
    expect((await listDatasets(db)).map((d) => d.id)).toEqual([keep.id])
    expect(await db.traces.count()).toBe(3)
    expect(await db.texts.count()).toBe(3)
    expect(await db.annotations.count()).toBe(1)
    expect((await db.traces.toArray()).every((t) => t.datasetId === keep.id)).toBe(true)
  })

  it('cleans up abandoned imports but not one another tab still runs', async () => {
    const db = openTestDb()
    const ready = await seed(db, 'ready')
    const abandoned = await seed(db, 'importing')
    const running = await seed(db, 'importing')
    const removed = await cleanUpAbandonedImports(db, (id) => id === running.id)
    expect(removed).toEqual([abandoned.id])
    const left = (await listDatasets(db)).map((d) => d.id).sort()
    expect(left).toEqual([ready.id, running.id].sort())
    expect(await db.traces.where('datasetId').equals(abandoned.id).count()).toBe(0)
  })

  it('refuses to finish a dataset that was deleted meanwhile', async () => {
    const db = openTestDb()
    await expect(
      finishDataset(db, 'missing', { traceCount: 0, textChars: 0, fieldMap: {} }),
    ).rejects.toThrow(/vanished/)
  })
})
