import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { beginDataset } from '../db/datasets'
import { markDeleting } from '../db/dataset-removal'
import { db } from '../db/instance'
import { putTraceBatch } from '../db/traces'
import { useNoticeStore } from '../stores/notice-store'
import { makeDataset, makeTexts, makeTrace } from '../testing/make-rows'
import { watchCancelledImportRemoval } from './datasets'

afterEach(() => useNoticeStore.getState().reset())

describe('a cancelled import whose rows could not be removed', () => {
  it('is shown by name, and Retry removes its rows', async () => {
    const dataset = makeDataset({ name: 'big run' })
    await beginDataset(db, dataset)
    const traces = [1, 2, 3].map((i) => makeTrace(dataset.id, i))
    await putTraceBatch(
      db,
      traces,
      traces.map((t) => makeTexts(t)),
    )
    await markDeleting(db, dataset.id)

    watchCancelledImportRemoval('big run', Promise.reject(new Error('the disk is busy')))
    await expect.poll(() => useNoticeStore.getState().notices.length).toBe(1)
    const [notice] = useNoticeStore.getState().notices
    expect(notice?.kind).toBe('error')
    expect(notice?.message).toMatch(
      /^Could not remove the traces of the cancelled import big run: the disk is busy\. They stay hidden/,
    )
    expect(await db.traces.count()).toBe(3)

    notice?.retry?.()
    await expect.poll(() => db.datasets.count()).toBe(0)
    expect(await db.traces.count()).toBe(0)
    expect(await db.texts.count()).toBe(0)
  })

  it('says nothing when the removal succeeds', async () => {
    watchCancelledImportRemoval('small run', Promise.resolve())
    await new Promise((r) => setTimeout(r, 10))
    expect(useNoticeStore.getState().notices).toEqual([])
  })
})
