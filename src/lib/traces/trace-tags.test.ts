import { describe, expect, it } from 'vitest'
import { hasTag, mergeTags, unionTagsBy, withTag } from './trace-tags'

describe('trace tags by annotator', () => {
  it('hasTag: own entry, or a legacy tag nobody is recorded for', () => {
    const trace = { tags: ['legacy', 'x'], tagsBy: { ana: ['x'], ben: [] } }
    expect(hasTag(trace, 'ana', 'x')).toBe(true)
    expect(hasTag(trace, 'ben', 'x')).toBe(false)
    expect(hasTag(trace, 'ben', 'legacy')).toBe(true)
    expect(hasTag({ tags: [] }, 'ana', 'x')).toBe(false)
  })

  it('withTag keeps an emptied entry and the union while another annotator holds the tag', () => {
    const start = { tags: ['x'], tagsBy: { ana: ['x'], ben: ['x'] } }
    expect(withTag(start, 'ana', 'x', false)).toEqual({
      tags: ['x'],
      tagsBy: { ana: [], ben: ['x'] },
    })
    expect(withTag({ tags: [], tagsBy: { ana: [] } }, 'ana', 'x', false)).toEqual({
      tags: [],
      tagsBy: { ana: [] },
    })
    expect(withTag({ tags: ['z'] }, 'cy', 'a', true)).toEqual({
      tags: ['a', 'z'],
      tagsBy: { cy: ['a'] },
    })
  })

  it('unions per annotator; merge tells whether anything was added', () => {
    expect(unionTagsBy(undefined, undefined)).toBeUndefined()
    expect(unionTagsBy({ a: ['y'] }, { a: ['x', 'y'], b: [] })).toEqual({ a: ['x', 'y'], b: [] })
    const here = { tags: ['x'], tagsBy: { a: ['x'] } }
    expect(mergeTags(here, { tags: ['x'], tagsBy: { a: ['x'] } }).changed).toBe(false)
    expect(mergeTags(here, { tags: ['x'] }).changed).toBe(false)
    expect(mergeTags(here, { tags: [], tagsBy: { b: [] } })).toEqual({
      tags: ['x'],
      tagsBy: { a: ['x'], b: [] },
      changed: true,
    })
    expect(mergeTags({ tags: [] }, { tags: ['q'] })).toEqual({
      tags: ['q'],
      tagsBy: undefined,
      changed: true,
    })
  })

  it('annotator names that are Object.prototype keys stay data', () => {
    const next = withTag({ tags: [] }, '__proto__', 'x', true)
    expect(Object.keys(next.tagsBy)).toEqual(['__proto__'])
    expect(hasTag(next, '__proto__', 'x')).toBe(true)
    expect(hasTag(next, 'constructor', 'x')).toBe(false)
    expect(unionTagsBy(next.tagsBy, { constructor: [] })).toEqual(
      JSON.parse('{"__proto__": ["x"], "constructor": []}'),
    )
  })
})
