// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { chunkIndexOf, indexChunks, keepChunkIndex } from './dom-offsets'
import { CursorCanvas, drawnCursor, lineBoxes } from './text-cursor'

/**
 * A text of 5,000 characters in chunks of 1,000; each character's box is faked from its offset
 * (300 to a line of 20 px, 7 px wide: the chunk seam at 1,000 falls inside line 3), as happy-dom
 * lays nothing out. A range's boxes are one per line it meets, as a browser gives them.
 */
describe('the text cursor', () => {
  const LINE = 300
  let root: HTMLElement
  let layer: HTMLElement

  beforeEach(() => {
    root = document.createElement('div')
    for (let start = 0; start < 5000; start += 1000) {
      const chunk = document.createElement('span')
      chunk.dataset.start = String(start)
      chunk.textContent = 'x'.repeat(1000)
      root.append(chunk)
    }
    layer = document.createElement('div')
    document.body.append(layer, root)
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      const at = (node: Node, offset: number) => Number(node.parentElement!.dataset.start) + offset
      const from = at(this.startContainer, this.startOffset)
      const to = at(this.endContainer, this.endOffset)
      const rects: DOMRect[] = []
      for (let line = Math.floor(from / LINE); line * LINE < to; line++) {
        const a = Math.max(from, line * LINE)
        const b = Math.min(to, (line + 1) * LINE)
        rects.push(new DOMRect((a % LINE) * 7 + 10, line * 20 + 5, (b - a) * 7, 18))
      }
      return rects as unknown as DOMRectList
    })
  })
  afterEach(() => {
    vi.restoreAllMocks()
    layer.remove()
    root.remove()
  })

  it('gives one box per line, joining the pieces of a line cut by a chunk seam', () => {
    const index = indexChunks(root)
    // 950..1050: line 3, in two pieces (chunks 0 and 1) that touch: one box.
    expect(lineBoxes(index, 950, 1050, { left: 10, top: 5 })).toEqual([
      { x: 350, y: 60, width: 700, height: 18 },
    ])
    // 850..1250: the end of line 2, all of line 3 (two pieces), the start of line 4.
    expect(lineBoxes(index, 850, 1250, { left: 10, top: 5 })).toEqual([
      { x: 1750, y: 40, width: 350, height: 18 },
      { x: 0, y: 60, width: 2100, height: 18 },
      { x: 0, y: 80, width: 350, height: 18 },
    ])
    expect(lineBoxes(index, 10, 10, { left: 0, top: 0 })).toEqual([])
  })

  it('tells what it drew, and nothing once disposed', () => {
    const canvas = new CursorCanvas(layer, root, indexChunks(root))
    canvas.draw(null)
    expect(layer.querySelector('canvas')).toBeNull()
    canvas.draw({ start: 120, end: 180 })
    expect(layer.querySelector('canvas')).not.toBeNull()
    expect(drawnCursor(layer)).toEqual({ start: 120, end: 180 })
    canvas.draw(null)
    expect(drawnCursor(layer)).toBeNull()
    canvas.draw({ start: 3, end: 9 })
    canvas.dispose()
    expect(drawnCursor(layer)).toBeNull()
    expect(layer.querySelector('canvas')).toBeNull()
  })

  it('keeps a text chunk index while asked to, and builds one otherwise', () => {
    const kept = indexChunks(root)
    const forget = keepChunkIndex(root, kept)
    expect(chunkIndexOf(root)).toBe(kept)
    forget()
    expect(chunkIndexOf(root)).not.toBe(kept)
    expect(chunkIndexOf(root).starts).toEqual(kept.starts)
  })
})
