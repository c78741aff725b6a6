import { describe, expect, it } from 'vitest'
import { newId, traceId, traceIdPrefix } from './ids'

describe('ids', () => {
  it('makes distinct v4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId))
    expect(ids.size).toBe(1000)
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('orders trace ids by ordinal within a dataset', () => {
    const ids = [10, 2, 1000, 1].map((n) => traceId('d', n))
    expect([...ids].sort()).toEqual([1, 2, 10, 1000].map((n) => traceId('d', n)))
    expect(traceId('d', 7).startsWith(traceIdPrefix('d'))).toBe(true)
  })
})
