import { describe, expect, it } from 'vitest'
import { openTestDb } from '../testing/test-db'
import { makeAnnotation, makeDataset, makeTexts, makeTrace } from '../testing/make-rows'
import { cleanUpAbandonedImports, markDeleting, purgeDeletingDatasets } from './dataset-removal'
import {
  beginDataset,
  completeDataset,
  deleteDataset,
  finishDataset,
  listDatasets,
  listReadyDatasets,
} from './datasets'
import { putTraceBatch } from './traces'
import { addAnnotation } from './annotations'
import { applyChange } from './history'

async function seed(
  db: ReturnType<typeof openTestDb>,
  status: 'ready' | 'importing',
  n = 3,
  withSpan = true,
) {
  const dataset = makeDataset({ status })
  await db.datasets.add(dataset)
  const traces = Array.from({ length: n }, (_, i) => makeTrace(dataset.id, i + 1))
  await putTraceBatch(
    db,
    traces,
    traces.map((t) => makeTexts(t)),
  )
  if (withSpan) await addAnnotation(db, makeAnnotation(traces[0]!.id))
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

  it.each(['deleted at once', 'marked deleting, then purged'])(
    "deletes the undo log of a dataset's traces with it, and no other trace's (%s)",
    async (how) => {
      const db = openTestDb()
      const keep = await seed(db, 'ready', 2, false)
      const drop = await seed(db, 'ready', 2, false)
      for (const dataset of [keep, drop]) {
        const traces = await db.traces.where('datasetId').equals(dataset.id).toArray()
        for (const t of traces) {
          await applyChange(db, { traceId: t.id, what: 'label', put: [makeAnnotation(t.id)] })
          await applyChange(db, { traceId: t.id, what: 'mark done', trace: { status: 'done' } })
        }
      }
      expect(await db.history.count()).toBe(8)
      if (how === 'deleted at once') await deleteDataset(db, drop.id)
      else {
        await markDeleting(db, drop.id)
        await purgeDeletingDatasets(db)
      }
      const left = await db.history.toArray()
      expect(left).toHaveLength(4)
      expect(left.every((e) => e.traceId.startsWith(`${keep.id}:`))).toBe(true)
      expect(await db.annotations.count()).toBe(2)
    },
  )

  it('cleans up abandoned imports but not one another tab still runs', async () => {
    const db = openTestDb()
    const ready = await seed(db, 'ready')
    const abandoned = await seed(db, 'importing', 3, false)
    const running = await seed(db, 'importing')
    const removed = await cleanUpAbandonedImports(db, (id) => id === running.id)
    expect(removed).toEqual([abandoned.id])
    const left = (await listDatasets(db)).map((d) => d.id).sort()
    expect(left).toEqual([ready.id, running.id].sort())
    expect(await db.traces.where('datasetId').equals(abandoned.id).count()).toBe(0)
  })

  it('never removes an abandoned import holding spans: it asks instead', async () => {
    const db = openTestDb()
    const labelled = await seed(db, 'importing')
    expect(await cleanUpAbandonedImports(db, () => false)).toEqual([])
    expect(await db.datasets.get(labelled.id)).toMatchObject({
      status: 'pending',
      traceCount: 3,
      pending: { reason: 'interrupted', ownSpans: 1 },
    })
    expect(await db.annotations.count()).toBe(1)
  })

  it('removes an abandoned staged restore, spans and all: nobody chose to import it', async () => {
    const db = openTestDb()
    const staged = await seed(db, 'importing')
    await db.datasets.update(staged.id, { staged: true })
    expect(await cleanUpAbandonedImports(db, () => false)).toEqual([staged.id])
    expect(await db.datasets.count()).toBe(0)
    expect(await db.annotations.count()).toBe(0)
  })

  it('refuses to finish a dataset that was deleted meanwhile', async () => {
    const db = openTestDb()
    await expect(
      finishDataset(db, 'missing', { traceCount: 0, textChars: 0, fieldMap: {} }),
    ).rejects.toThrow(/vanished/)
  })
})

describe('completeDataset with a replacement', () => {
  it('moves annotations to the new traces of the same key, drops the old dataset, in one go', async () => {
    const db = openTestDb()
    const old = makeDataset({ name: 'v1' })
    await db.datasets.add(old)
    const oldTraces = ['a', 'b', 'gone'].map((key, i) => makeTrace(old.id, i + 1, { key }))
    // Trace b carries tags by annotator (an empty entry is an answer too): they move with it.
    oldTraces[1] = { ...oldTraces[1]!, tags: ['x'], tagsBy: { ana: ['x'], ben: [] } }
    await putTraceBatch(
      db,
      oldTraces,
      oldTraces.map((t) => makeTexts(t)),
    )
    const onA = makeAnnotation(oldTraces[0]!.id)
    const onGone = makeAnnotation(oldTraces[2]!.id)
    await addAnnotation(db, onA)
    await addAnnotation(db, onGone)
    await db.relations.add({
      id: 'r',
      traceId: oldTraces[0]!.id,
      from: onA.id,
      to: onA.id,
      label: 'x',
      annotator: 'y',
    })

    const fresh = makeDataset({ name: 'v2', status: 'importing' })
    await db.datasets.add(fresh)
    const newTraces = ['b', 'a', 'new'].map((key, i) => makeTrace(fresh.id, i + 1, { key }))
    await putTraceBatch(
      db,
      newTraces,
      newTraces.map((t) => makeTexts(t)),
    )
    await completeDataset(db, fresh.id, { traceCount: 3, textChars: 9, fieldMap: {} }, old.id)

    await purgeDeletingDatasets(db)
    expect((await listDatasets(db)).map((d) => [d.name, d.status])).toEqual([['v2', 'ready']])
    expect((await db.annotations.get(onA.id))?.traceId).toBe(newTraces[1]!.id)
    expect(await db.annotations.get(onGone.id)).toMatchObject({
      traceId: `orphan:${oldTraces[2]!.id}`,
      orphanOf: { datasetName: 'v1', key: 'gone' },
    })
    expect((await db.relations.get('r'))?.traceId).toBe(newTraces[1]!.id)
    expect(await db.traces.get(newTraces[0]!.id)).toMatchObject({
      tags: ['x'],
      tagsBy: { ana: ['x'], ben: [] },
    })
    expect(await db.traces.where('datasetId').equals(old.id).count()).toBe(0)
  })
})
