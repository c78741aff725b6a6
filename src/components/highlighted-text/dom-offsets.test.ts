// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { boundsOf, highlightRangeFor, indexChunks, rangeFor } from './dom-offsets'

/** Chunks "abc" | "def" | "gh" at 0, 3, 6. */
function chunks() {
  const root = document.createElement('div')
  for (const [start, text] of [
    [0, 'abc'],
    [3, 'def'],
    [6, 'gh'],
  ] as const) {
    const el = document.createElement('span')
    el.dataset.start = String(start)
    el.textContent = text
    root.append(el)
  }
  return { root, index: indexChunks(root) }
}

describe('boundsOf', () => {
  it('maps offsets to text nodes; a start at a seam is in the next chunk, an end in the one before', () => {
    const { index } = chunks()
    const [abc, def, gh] = index.nodes
    expect(boundsOf(index, 1, 2)).toEqual({
      startContainer: abc,
      startOffset: 1,
      endContainer: abc,
      endOffset: 2,
    })
    expect(boundsOf(index, 3, 6)).toEqual({
      startContainer: def,
      startOffset: 0,
      endContainer: def,
      endOffset: 3,
    })
    expect(boundsOf(index, 2, 7)).toEqual({
      startContainer: abc,
      startOffset: 2,
      endContainer: gh,
      endOffset: 1,
    })
    // The text's end: no chunk after the last one.
    expect(boundsOf(index, 8, 8)).toEqual({
      startContainer: gh,
      startOffset: 2,
      endContainer: gh,
      endOffset: 2,
    })
  })

  it('gives the live and the highlight range the same text', () => {
    const { index } = chunks()
    for (const [start, end] of [
      [0, 8],
      [3, 5],
      [2, 7],
    ] as const) {
      const live = rangeFor(index, start, end)!
      const forHighlight = highlightRangeFor(index, start, end)!
      expect(live.toString()).toBe('abcdefgh'.slice(start, end))
      expect([forHighlight.startContainer, forHighlight.startOffset]).toEqual([
        live.startContainer,
        live.startOffset,
      ])
      expect([forHighlight.endContainer, forHighlight.endOffset]).toEqual([
        live.endContainer,
        live.endOffset,
      ])
    }
  })
})
