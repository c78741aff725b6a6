import { describe, expect, it } from 'vitest'
import { openTestDb } from '../testing/test-db'
import { makeDataset, makeTexts, makeTrace } from '../testing/make-rows'
import {
  getTexts,
  getTrace,
  listAllTraces,
  listTraceHead,
  listTraces,
  neighbourTraceIds,
  putTraceBatch,
  setTraceStatus,
  setTraceTags,
  tracesOfProblem,
  tracesTaggedBy,
} from './traces'

describe('traces', () => {
  it('writes summaries and texts together and lists them in source order', async () => {
    const db = openTestDb()
    await db.datasets.add(makeDataset({ id: 'd' }))
    const traces = [12, 3, 100].map((n) => makeTrace('d', n))
    await putTraceBatch(
      db,
      traces,
      traces.map((t) => makeTexts(t, { reasoning: `r${t.ordinal}` })),
    )
    expect((await listTraces(db, 'd')).map((t) => t.ordinal)).toEqual([3, 12, 100])
    expect((await getTexts(db, traces[0]!.id))?.reasoning).toBe('r12')
  })

  it('pairs traces of the same problem across datasets', async () => {
    const db = openTestDb()
    const a = makeTrace('a', 1, { problemHash: 'same' })
    const b = makeTrace('b', 1, { problemHash: 'same' })
    const c = makeTrace('b', 2, { problemHash: 'other' })
    await db.datasets.bulkAdd([makeDataset({ id: 'a' }), makeDataset({ id: 'b' })])
    await putTraceBatch(
      db,
      [a, b, c],
      [a, b, c].map((t) => makeTexts(t)),
    )
    expect((await tracesOfProblem(db, 'same')).map((t) => t.id).sort()).toEqual([a.id, b.id])
  })

  it('lists no trace of a dataset that is not ready (a pending import is invisible)', async () => {
    const db = openTestDb()
    await db.datasets.bulkAdd([
      makeDataset({ id: 'r' }),
      makeDataset({ id: 'p', status: 'pending' }),
    ])
    const traces = [makeTrace('r', 1), makeTrace('p', 1), makeTrace('p', 2)]
    await putTraceBatch(
      db,
      traces,
      traces.map((t) => makeTexts(t)),
    )
    expect((await listAllTraces(db)).map((t) => t.id)).toEqual([traces[0]!.id])
    expect(await listTraces(db, 'p')).toEqual([])
    expect(await listTraceHead(db, null, 10)).toHaveLength(1)
    expect(await getTrace(db, traces[1]!.id)).toBeUndefined()
  })

  it('sets status and tags, deduplicated and sorted', async () => {
    const db = openTestDb()
    const t = makeTrace('d', 1)
    await putTraceBatch(db, [t], [makeTexts(t)])
    await setTraceStatus(db, t.id, 'done')
    await setTraceTags(db, t.id, ['synthetic', 'correct', 'synthetic'])
    const stored = await db.traces.get(t.id)
    expect(stored).toMatchObject({ status: 'done', tags: ['correct', 'synthetic'] })
    expect(stored!.updatedAt).toBeGreaterThan(0)
  })

  it('lists the traces of one dataset that carry tags by annotator', async () => {
    const db = openTestDb()
    const rows = [
      makeTrace('d', 1, { tagsBy: { ana: [] } }),
      makeTrace('d', 2, { tags: ['legacy'] }),
      makeTrace('e', 1, { tagsBy: { ana: ['x'] } }),
    ]
    await putTraceBatch(
      db,
      rows,
      rows.map((t) => makeTexts(t)),
    )
    expect(await tracesTaggedBy(db, 'd')).toEqual([
      { id: rows[0]!.id, key: rows[0]!.key, tagsBy: { ana: [] } },
    ])
  })
})

describe('neighbourTraceIds', () => {
  it('finds the previous and next trace of the same dataset only', async () => {
    const db = openTestDb()
    const rows = [makeTrace('a', 1), makeTrace('a', 2), makeTrace('a', 3), makeTrace('b', 1)]
    await putTraceBatch(
      db,
      rows,
      rows.map((t) => makeTexts(t)),
    )
    expect(await neighbourTraceIds(db, rows[1]!.id, 'a')).toEqual({
      previous: rows[0]!.id,
      next: rows[2]!.id,
    })
    expect(await neighbourTraceIds(db, rows[2]!.id, 'a')).toEqual({
      previous: rows[1]!.id,
      next: null,
    })
  })
})
