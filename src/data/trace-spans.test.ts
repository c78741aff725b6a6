import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import type { Annotation } from '../lib/traces/trace-model'
import { TraceSpans, traceSpans } from './trace-spans'

const row = (id: string, start: number, extra: Partial<Annotation> = {}): Annotation => ({
  id,
  traceId: 't',
  field: 'reasoning',
  start,
  end: start + 4,
  quote: 'abcd',
  label: 'x',
  note: '',
  annotator: 'me',
  origin: 'manual',
  rejected: false,
  createdAt: 1,
  updatedAt: 1,
  ...extra,
})

describe('TraceSpans', () => {
  it('prefetches before a view subscribes: the view finds the rows read, and no second read', async () => {
    let reads = 0
    const spans = new TraceSpans('t', () => {
      reads++
      return [row('a', 0)]
    })
    spans.prefetch(60_000)
    await vi.waitFor(() => expect(spans.snapshot?.map((r) => r.id)).toEqual(['a']))
    const stop = spans.subscribe(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(reads).toBe(1)
    stop()
  })

  it('lets a prefetch go when no view came', async () => {
    let reads = 0
    const spans = new TraceSpans('t', () => {
      reads++
      return [row('a', 0)]
    })
    spans.prefetch(30)
    await new Promise((resolve) => setTimeout(resolve, 80))
    const stop = spans.subscribe(() => undefined)
    await vi.waitFor(() => expect(reads).toBe(2))
    stop()
  })

  it('inserts a local span in reading order at once, keeping the other row objects', () => {
    const spans = new TraceSpans('t', () => [])
    const a = row('a', 0)
    const c = row('c', 20)
    spans.receive([a, c])
    const before = spans.snapshot!
    spans.apply({ put: [row('b', 10)] })
    const after = spans.snapshot!
    expect(after.map((r) => r.id)).toEqual(['a', 'b', 'c'])
    expect(after[0]).toBe(before[0])
    expect(after[2]).toBe(before[1])
  })

  it('puts one changed span in place of its old row, and new ones at either end', () => {
    const spans = new TraceSpans('t', () => [])
    spans.receive([row('a', 10), row('b', 20), row('c', 30)])
    spans.apply({ put: [row('b', 20, { label: 'other' })] })
    expect(spans.snapshot!.map((r) => `${r.id}:${r.label}`)).toEqual(['a:x', 'b:other', 'c:x'])
    spans.apply({ put: [row('b', 40)] })
    spans.apply({ put: [row('z', 0)] })
    spans.apply({ put: [row('y', 50)] })
    expect(spans.snapshot!.map((r) => r.id)).toEqual(['z', 'a', 'c', 'b', 'y'])
  })

  it('merges many local spans, in any order, into reading order', () => {
    const spans = new TraceSpans('t', () => [])
    spans.receive([row('a', 0), row('c', 20), row('e', 40)])
    spans.apply({ put: [row('f', 50), row('b', 10), row('d', 30), row('a2', 0, { end: 2 })] })
    expect(spans.snapshot!.map((r) => r.id)).toEqual(['a2', 'a', 'b', 'c', 'd', 'e', 'f'])
  })

  it('calls a local change of many spans, and a stored snapshot, large; one span small', () => {
    const spans = new TraceSpans('t', () => [])
    spans.receive([row('a', 0)])
    expect(spans.isLargeChange()).toBe(true)
    spans.apply({ put: [row('b', 10)] })
    expect(spans.isLargeChange()).toBe(false)
    spans.apply({ put: Array.from({ length: 40 }, (_, i) => row(`m${i}`, 100 + i)) })
    expect(spans.isLargeChange()).toBe(true)
    spans.apply({ remove: ['b'] })
    expect(spans.isLargeChange()).toBe(false)
  })

  it('keeps a pending change over a stored snapshot that does not have it yet', () => {
    const spans = new TraceSpans('t', () => [])
    spans.receive([row('a', 0)])
    spans.apply({ put: [row('b', 10)], remove: ['a'] })
    spans.receive([row('a', 0)])
    expect(spans.snapshot!.map((r) => r.id)).toEqual(['b'])
    // Once stored, the pending changes are dropped and the stored rows are the truth.
    spans.receive([row('b', 10)])
    spans.receive([row('b', 10), row('z', 50)])
    expect(spans.snapshot!.map((r) => r.id)).toEqual(['b', 'z'])
  })

  it('does not notify when a stored snapshot changes nothing; keeps unchanged objects', () => {
    const spans = new TraceSpans('t', () => [])
    let calls = 0
    spans.receive([row('a', 0), row('b', 5)])
    const first = spans.snapshot
    const unsubscribe = spans.subscribe(() => calls++)
    spans.receive([row('a', 0), row('b', 5)])
    expect(spans.snapshot).toBe(first)
    spans.receive([row('a', 0), row('b', 5, { label: 'y', updatedAt: 2 })])
    expect(spans.snapshot![0]).toBe(first![0])
    expect(spans.snapshot![1]!.label).toBe('y')
    expect(calls).toBeGreaterThan(0)
    unsubscribe()
  })

  it('tells only the pending listeners when a write ends: the rows stay the same array', () => {
    const spans = new TraceSpans('t', () => [])
    spans.receive([row('a', 0)])
    let rows = 0
    let pending = 0
    const unsubscribe = spans.subscribe(() => rows++)
    const unsubscribePending = spans.subscribePending(() => pending++)
    spans.apply({ put: [row('b', 10)] })
    expect([rows, pending]).toEqual([1, 1])
    expect(spans.isPending('b')).toBe(true)
    const shown = spans.snapshot
    const version = spans.getPendingVersion()
    spans.settle(['b'])
    expect(spans.snapshot).toBe(shown)
    expect([rows, pending]).toEqual([1, 2])
    expect(spans.isPending('b')).toBe(false)
    expect(spans.getPendingVersion()).not.toBe(version)
    unsubscribePending()
    unsubscribe()
  })

  it('goes back to the stored rows when a write failed', () => {
    const spans = new TraceSpans('t', () => [])
    spans.receive([row('a', 0)])
    spans.apply({ put: [row('b', 10)] })
    spans.settle(['b'], true)
    expect(spans.snapshot!.map((r) => r.id)).toEqual(['a'])
  })

  it("stays the page's one set through React StrictMode's unsubscribe and subscribe again", () => {
    // Regression: stop() removed the registry entry, so the next render made a second set whose
    // own stop() then removed the first one's entry, and so on: the reader stayed "Loading…".
    const first = traceSpans('strict-mode')
    first.subscribe(() => {})() // StrictMode's extra effect run: subscribed, then cleaned up…
    const unsubscribe = first.subscribe(() => {}) // …and subscribed again.
    expect(traceSpans('strict-mode')).toBe(first)
    unsubscribe()
    const second = traceSpans('strict-mode')
    expect(second).not.toBe(first)
    // The old set stopping late must not evict the new one.
    first.subscribe(() => {})()
    expect(traceSpans('strict-mode')).toBe(second)
  })
})
