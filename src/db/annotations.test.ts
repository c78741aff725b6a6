import { describe, expect, it } from 'vitest'
import { openTestDb } from '../testing/test-db'
import { makeAnnotation } from '../testing/make-rows'
import { traceId, traceIdPrefix } from '../lib/traces/ids'
import {
  addAnnotation,
  countAnnotationsByTrace,
  deleteAnnotation,
  listAnnotations,
  updateAnnotation,
} from './annotations'

describe('annotations', () => {
  it('lists a trace spans in reading order', async () => {
    const db = openTestDb()
    const t = traceId('d', 1)
    await addAnnotation(db, makeAnnotation(t, { start: 10, end: 14 }))
    await addAnnotation(db, makeAnnotation(t, { start: 2, end: 6 }))
    await addAnnotation(db, makeAnnotation(traceId('d', 2), { start: 0, end: 1 }))
    expect((await listAnnotations(db, t)).map((a) => a.start)).toEqual([2, 10])
  })

  it('rejects an empty span', async () => {
    const db = openTestDb()
    await expect(addAnnotation(db, makeAnnotation('t', { start: 3, end: 3 }))).rejects.toThrow(
      RangeError,
    )
  })

  it('counts non-rejected spans per trace of a dataset', async () => {
    const db = openTestDb()
    await addAnnotation(db, makeAnnotation(traceId('d', 1)))
    await addAnnotation(db, makeAnnotation(traceId('d', 1)))
    await addAnnotation(db, makeAnnotation(traceId('d', 2), { rejected: true }))
    await addAnnotation(db, makeAnnotation(traceId('other', 1)))
    const counts = await countAnnotationsByTrace(db, traceIdPrefix('d'))
    expect(Object.fromEntries(counts)).toEqual({ [traceId('d', 1)]: 2 })
  })

  it('updates a label and deletes a span with its relations', async () => {
    const db = openTestDb()
    const t = traceId('d', 1)
    const a = makeAnnotation(t)
    const b = makeAnnotation(t, { start: 5, end: 9 })
    await addAnnotation(db, a)
    await addAnnotation(db, b)
    await db.relations.add({
      id: 'r1',
      traceId: t,
      from: a.id,
      to: b.id,
      label: 'verifies',
      annotator: 'x',
    })
    await updateAnnotation(db, a.id, { label: 'backtrack' })
    expect((await db.annotations.get(a.id))?.label).toBe('backtrack')
    await deleteAnnotation(db, a.id)
    expect(await db.annotations.get(a.id)).toBeUndefined()
    expect(await db.relations.count()).toBe(0)
    expect(await db.annotations.get(b.id)).toBeDefined()
  })
})
