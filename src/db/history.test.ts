import { describe, expect, it } from 'vitest'
import { openTestDb } from '../testing/test-db'
import { makeAnnotation, makeDataset, makeTrace } from '../testing/make-rows'
import { listAnnotations } from './annotations'
import { applyChange, historyDepth, HISTORY_LIMIT, redoNext, undoLast } from './history'

async function setUp() {
  const db = openTestDb()
  const dataset = makeDataset({ id: 'd' })
  const trace = makeTrace(dataset.id, 1, { tags: ['b'] })
  await db.datasets.add(dataset)
  await db.traces.add(trace)
  return { db, trace }
}

const labels = async (db: ReturnType<typeof openTestDb>, traceId: string) =>
  (await listAnnotations(db, traceId)).map((a) => `${a.start}:${a.label}`)

describe('annotate history (undo log)', () => {
  it('undoes and redoes creates, relabels and deletes, in order', async () => {
    const { db, trace } = await setUp()
    const a = makeAnnotation(trace.id, { start: 0, end: 4, label: 'x' })
    const b = makeAnnotation(trace.id, { start: 5, end: 9, label: 'y' })
    await applyChange(db, { traceId: trace.id, what: 'add two', put: [a, b] })
    await applyChange(db, { traceId: trace.id, what: 'relabel', put: [{ ...a, label: 'z' }] })
    await applyChange(db, { traceId: trace.id, what: 'delete', remove: [b.id] })
    expect(await labels(db, trace.id)).toEqual(['0:z'])
    expect((await undoLast(db, trace.id))?.what).toBe('delete')
    expect(await labels(db, trace.id)).toEqual(['0:z', '5:y'])
    expect((await undoLast(db, trace.id))?.what).toBe('relabel')
    expect(await labels(db, trace.id)).toEqual(['0:x', '5:y'])
    expect(await historyDepth(db, trace.id)).toEqual({ undo: 1, redo: 2 })
    expect((await redoNext(db, trace.id))?.what).toBe('relabel')
    expect(await labels(db, trace.id)).toEqual(['0:z', '5:y'])
    expect((await undoLast(db, trace.id))?.what).toBe('relabel')
    expect((await undoLast(db, trace.id))?.what).toBe('add two')
    expect(await labels(db, trace.id)).toEqual([])
    expect(await undoLast(db, trace.id)).toBeNull()
  })

  it('a new action drops the redo list', async () => {
    const { db, trace } = await setUp()
    const a = makeAnnotation(trace.id, { start: 0, end: 4 })
    await applyChange(db, { traceId: trace.id, what: 'one', put: [a] })
    await undoLast(db, trace.id)
    await applyChange(db, { traceId: trace.id, what: 'two', trace: { status: 'done' } })
    expect(await redoNext(db, trace.id)).toBeNull()
    expect(await historyDepth(db, trace.id)).toEqual({ undo: 1, redo: 0 })
  })

  it('a deleted span takes its relations, and undo brings both back', async () => {
    const { db, trace } = await setUp()
    const a = makeAnnotation(trace.id, { start: 0, end: 4 })
    const b = makeAnnotation(trace.id, { start: 5, end: 9 })
    const rel = {
      id: 'r',
      traceId: trace.id,
      from: a.id,
      to: b.id,
      label: 'abandons',
      annotator: 'x',
    }
    await applyChange(db, { traceId: trace.id, what: 'spans', put: [a, b] })
    await applyChange(db, { traceId: trace.id, what: 'link', putRelations: [rel] })
    await applyChange(db, { traceId: trace.id, what: 'delete', remove: [a.id] })
    expect(await db.relations.count()).toBe(0)
    await undoLast(db, trace.id)
    expect(await db.relations.get('r')).toEqual(rel)
    expect(await db.annotations.get(a.id)).toEqual(a)
  })

  it('sets status, tags (sorted, unique) and note, and undoes each', async () => {
    const { db, trace } = await setUp()
    await applyChange(db, { traceId: trace.id, what: 'done', trace: { status: 'done' } })
    await applyChange(db, { traceId: trace.id, what: 'tag', trace: { tags: ['c', 'a', 'c'] } })
    await applyChange(db, { traceId: trace.id, what: 'note', trace: { note: 'odd 😀' } })
    expect(await db.traces.get(trace.id)).toMatchObject({
      status: 'done',
      tags: ['a', 'c'],
      note: 'odd 😀',
    })
    await undoLast(db, trace.id)
    await undoLast(db, trace.id)
    expect(await db.traces.get(trace.id)).toMatchObject({ status: 'done', tags: ['b'], note: '' })
    await undoLast(db, trace.id)
    expect((await db.traces.get(trace.id))?.status).toBe('todo')
    await redoNext(db, trace.id)
    expect((await db.traces.get(trace.id))?.status).toBe('done')
  })

  it('tags by annotator: the union follows, undo and redo restore tagsBy exactly', async () => {
    // The trace starts with a legacy tag 'b' (no annotator) and no tagsBy at all.
    const { db, trace } = await setUp()
    const tag = (annotator: string, t: string, on: boolean) =>
      applyChange(db, { traceId: trace.id, what: t, tag: { annotator, tag: t, on } })
    await tag('ana', 'x', true)
    await tag('ben', 'x', true)
    await tag('ben', 'y', true)
    expect(await db.traces.get(trace.id)).toMatchObject({
      tags: ['b', 'x', 'y'],
      tagsBy: { ana: ['x'], ben: ['x', 'y'] },
    })
    // Ana clears x: Ben still holds it, so the union keeps it; Ana's entry stays, empty.
    await tag('ana', 'x', false)
    expect(await db.traces.get(trace.id)).toMatchObject({
      tags: ['b', 'x', 'y'],
      tagsBy: { ana: [], ben: ['x', 'y'] },
    })
    // Ben clears y: nobody else has it, it leaves the union.
    await tag('ben', 'y', false)
    expect((await db.traces.get(trace.id))?.tags).toEqual(['b', 'x'])
    // Clearing the legacy tag removes it (nobody is recorded for it).
    await tag('ana', 'b', false)
    expect((await db.traces.get(trace.id))?.tags).toEqual(['x'])
    for (let i = 0; i < 3; i += 1) await undoLast(db, trace.id)
    expect(await db.traces.get(trace.id)).toMatchObject({
      tags: ['b', 'x', 'y'],
      tagsBy: { ana: ['x'], ben: ['x', 'y'] },
    })
    for (let i = 0; i < 3; i += 1) await undoLast(db, trace.id)
    const first = await db.traces.get(trace.id)
    expect(first?.tags).toEqual(['b'])
    expect(first && 'tagsBy' in first).toBe(false)
    for (let i = 0; i < 6; i += 1) await redoNext(db, trace.id)
    expect(await db.traces.get(trace.id)).toMatchObject({
      tags: ['x'],
      tagsBy: { ana: [], ben: ['x'] },
    })
  })

  it('two tag keys written before either is read both count; a toggle says what it did', async () => {
    const { db, trace } = await setUp()
    const toggle = (t: string) =>
      applyChange(db, { traceId: trace.id, what: t, tag: { annotator: 'a', tag: t, on: 'toggle' } })
    const entries = await Promise.all([toggle('x'), toggle('y'), toggle('x')])
    expect(entries.map((e) => e.what)).toEqual(['tag x', 'tag y', 'untag x'])
    expect((await db.traces.get(trace.id))?.tagsBy).toEqual({ a: ['y'] })
    expect((await undoLast(db, trace.id))?.what).toBe('untag x')
    expect((await db.traces.get(trace.id))?.tagsBy).toEqual({ a: ['x', 'y'] })
  })

  it('keeps each trace its own log, and at most a limit of entries (HISTORY_LIMIT)', async () => {
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100)
    const { db, trace } = await setUp()
    const other = makeTrace('d', 2)
    await db.traces.add(other)
    await applyChange(db, { traceId: other.id, what: 'other', trace: { status: 'done' } })
    for (let i = 0; i < 8; i++) {
      await applyChange(db, { traceId: trace.id, what: `n${i}`, trace: { note: String(i) } }, 5)
    }
    expect(await historyDepth(db, trace.id)).toEqual({ undo: 5, redo: 0 })
    for (let i = 0; i < 5; i++) await undoLast(db, trace.id)
    expect((await db.traces.get(trace.id))?.note).toBe('2')
    expect((await undoLast(db, other.id))?.what).toBe('other')
  })

  it('refuses an empty span and writes nothing', async () => {
    const { db, trace } = await setUp()
    const bad = makeAnnotation(trace.id, { start: 3, end: 3 })
    await expect(applyChange(db, { traceId: trace.id, what: 'x', put: [bad] })).rejects.toThrow()
    expect(await historyDepth(db, trace.id)).toEqual({ undo: 0, redo: 0 })
  })
})
