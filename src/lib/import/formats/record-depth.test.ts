import { describe, expect, it } from 'vitest'
import { nestedDeeperThan } from './record-depth'

const nest = (depth: number): unknown => {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v]
  return v
}

describe('nestedDeeperThan', () => {
  it('counts each list or object as one level', () => {
    expect(nestedDeeperThan(nest(3), 3)).toBe(false)
    expect(nestedDeeperThan(nest(4), 3)).toBe(true)
    expect(nestedDeeperThan('text', 0)).toBe(false)
    expect(nestedDeeperThan({ a: 1, b: [1, 2], c: { d: null } }, 2)).toBe(false)
  })

  it('measures a 10,000-deep value without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(10_000)}1${']'.repeat(10_000)}`) as unknown
    expect(nestedDeeperThan(deep)).toBe(true)
    expect(nestedDeeperThan({ id: 1, reasoning: 'x', meta: { tags: ['a'] } })).toBe(false)
  })
})
