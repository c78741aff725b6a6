import { describe, expect, it, vi } from 'vitest'
import {
  addAnnotation,
  changeAnnotations,
  deleteAnnotation,
  listAnnotations,
  updateAnnotation,
  watchAnnotations,
} from '../db/annotations'
import type { Annotation } from '../lib/traces/trace-model'
import { makeAnnotation } from '../testing/make-rows'
import { openTestDb } from '../testing/test-db'
import { watchedRead } from './watched-read'

const span = (id: string, traceId: string, start: number): Annotation =>
  makeAnnotation(traceId, { id, start, end: start + 3, label: 'x' })

describe('watchedRead', () => {
  it('reads the rows again after every kind of write to them, an update in place included', async () => {
    const db = openTestDb()
    await addAnnotation(db, span('a', 't1', 0))
    await addAnnotation(db, span('other', 't2', 0))
    const seen: Annotation[][] = []
    const sub = watchedRead(
      () => watchAnnotations(db),
      () => listAnnotations(db, 't1'),
    ).subscribe({ next: (rows) => seen.push(rows) })
    const last = () => seen.at(-1)?.map((a) => `${a.id}:${a.label}`)

    await vi.waitFor(() => expect(last()).toEqual(['a:x']))
    await addAnnotation(db, span('b', 't1', 10))
    await vi.waitFor(() => expect(last()).toEqual(['a:x', 'b:x']))
    // Dexie's update records no index value that did not change: the watch sees its key.
    await updateAnnotation(db, 'a', { label: 'y' })
    await vi.waitFor(() => expect(last()).toEqual(['a:y', 'b:x']))
    await deleteAnnotation(db, 'b')
    await vi.waitFor(() => expect(last()).toEqual(['a:y']))
    // A large change (Dexie records whole ranges for 50 rows or more) and a removal in one.
    const many = Array.from({ length: 60 }, (_, i) => span(`m${i}`, 't1', 100 + i))
    await changeAnnotations(db, { put: many, remove: ['a'] })
    await vi.waitFor(() => expect(seen.at(-1)?.length).toBe(60))
    expect(seen.at(-1)?.some((a) => a.id === 'a')).toBe(false)
    sub.unsubscribe()
    db.close()
  })

  it('drops a read that ends after a newer one was delivered, and delivers nothing once closed', async () => {
    const db = openTestDb()
    const resolvers: ((value: number) => void)[] = []
    const seen: number[] = []
    const sub = watchedRead(
      () => watchAnnotations(db),
      () => new Promise<number>((resolve) => resolvers.push(resolve)),
    ).subscribe({ next: (n) => seen.push(n) })
    await vi.waitFor(() => expect(resolvers).toHaveLength(1))
    await addAnnotation(db, span('a', 't1', 0))
    await vi.waitFor(() => expect(resolvers).toHaveLength(2))
    resolvers[1]!(2)
    await vi.waitFor(() => expect(seen).toEqual([2]))
    resolvers[0]!(1)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(seen).toEqual([2])
    await addAnnotation(db, span('b', 't1', 5))
    await vi.waitFor(() => expect(resolvers).toHaveLength(3))
    sub.unsubscribe()
    resolvers[2]!(3)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(seen).toEqual([2])
    db.close()
  })
})
