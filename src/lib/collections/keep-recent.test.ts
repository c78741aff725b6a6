import { describe, expect, it } from 'vitest'
import { keepRecent } from './keep-recent'

describe('keepRecent', () => {
  it('keeps the last few used, the one used again as the newest', () => {
    const map = new Map<string, number>()
    for (const [k, v] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      keepRecent(map, k, v, 3)
    expect(keepRecent(map, 'a', 10, 3)).toBe(10)
    keepRecent(map, 'd', 4, 3)
    expect([...map]).toEqual([
      ['c', 3],
      ['a', 10],
      ['d', 4],
    ])
  })
})
