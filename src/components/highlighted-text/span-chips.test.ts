// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { indexChunks } from './dom-offsets'
import { ChipPainter, marksStartingIn, type SpanChips } from './span-chips'

describe('marksStartingIn', () => {
  const marks = [0, 5, 5, 9, 20, 31].map((start, i) => ({ start, end: start + 3, id: `m${i}` }))
  it('finds the marks whose start is in [start, end)', () => {
    expect(marksStartingIn(marks, 5, 20)).toEqual([1, 4])
    expect(marksStartingIn(marks, 0, 1)).toEqual([0, 1])
    expect(marksStartingIn(marks, 32, 99)).toEqual([6, 6])
    expect(marksStartingIn(marks, 10, 12)).toEqual([4, 4])
    expect(marksStartingIn([], 0, 10)).toEqual([0, 0])
  })
})

/**
 * A text of 20,000 characters in chunks of 1,000; a character's box is faked from its offset
 * (100 to a line of 20 px, 7 px wide), as happy-dom lays nothing out.
 */
describe('ChipPainter', () => {
  const LINE = 100
  let root: HTMLElement
  let wrap: HTMLElement
  let layer: HTMLElement
  let measured = 0

  beforeEach(() => {
    wrap = document.createElement('div')
    root = document.createElement('div')
    for (let start = 0; start < 20_000; start += 1000) {
      const chunk = document.createElement('span')
      chunk.dataset.start = String(start)
      chunk.textContent = 'x'.repeat(1000)
      root.append(chunk)
    }
    layer = document.createElement('div')
    wrap.append(root, layer)
    document.body.append(wrap)
    measured = 0
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      measured++
      const offset = Number(this.startContainer.parentElement!.dataset.start) + this.startOffset
      const top = Math.floor(offset / LINE) * 20
      const left = (offset % LINE) * 7
      return [new DOMRect(left, top, 7, 18)] as unknown as DOMRectList
    })
  })
  afterEach(() => {
    vi.restoreAllMocks()
    wrap.remove()
  })

  // 5,000 spans, one every 4 characters.
  const marks = Array.from({ length: 5000 }, (_, i) => ({
    id: `s${i}`,
    start: i * 4,
    end: i * 4 + 3,
  }))
  const chips: SpanChips = {
    marks,
    chipOf: (i) => ({ text: i % 2 ? 'Realization' : 'Verification', color: '#fde68a' }),
  }
  const shown = () =>
    [...layer.children].map((el) => [el.textContent, (el as HTMLElement).style.transform])

  it('draws chips only for the spans starting in the band, at their start, never overlapping', () => {
    const painter = new ChipPainter(layer, indexChunks(root))
    painter.paint(chips, 1000, 1200)
    // 50 spans start there; only those were measured, not the other 4,950.
    expect(layer.children).toHaveLength(50)
    expect(measured).toBe(50)
    expect(shown()[0]).toEqual(['Verification', 'translate(0px, 200px)'])
    // On one line, each chip starts after the one before (guessed widths, not stacked).
    const xs = shown()
      .filter(([, t]) => t!.endsWith(', 200px)'))
      .map(([, t]) => Number(/translate\(([\d.]+)px/.exec(t!)![1]))
    expect(xs.length).toBeGreaterThan(3)
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]! + 60)
  })

  it('keeps the chips of spans still in the band when it moves, and drops the others', () => {
    const painter = new ChipPainter(layer, indexChunks(root))
    painter.paint(chips, 1000, 1200)
    const kept = layer.children[25]!
    painter.paint(chips, 1100, 1300)
    expect(layer.children).toHaveLength(50)
    expect([...layer.children]).toContain(kept)
    painter.paint(null, 0, 0)
    expect(layer.children).toHaveLength(0)
  })

  it('measures only the new spans when nothing but the chips changed (sameLayout)', () => {
    const painter = new ChipPainter(layer, indexChunks(root))
    painter.paint(chips, 1000, 1200)
    const full = shown()
    // One span more, and one of the band's spans moved by two characters (same id).
    const more: SpanChips = {
      ...chips,
      marks: [
        ...marks.slice(0, 260),
        { id: 'new', start: 1041, end: 1044 },
        ...marks.slice(260),
      ].map((m) => (m.id === 's270' ? { ...m, start: m.start + 2, end: m.end + 2 } : m)),
    }
    measured = 0
    painter.paint(more, 1000, 1200, undefined, true)
    expect(measured).toBe(2)
    // The same chips, at the same places, as a painter that measured them all.
    const again = document.createElement('div')
    wrap.append(again)
    new ChipPainter(again, indexChunks(root)).paint(more, 1000, 1200)
    const sorted = (els: Element[]) =>
      els.map((el) => `${el.textContent} ${(el as HTMLElement).style.transform}`).sort()
    expect(sorted([...layer.children])).toEqual(sorted([...again.children]))
    expect(layer.children).toHaveLength(full.length + 1)
    // A paint for a moved or reflowed text measures every span again.
    measured = 0
    painter.paint(more, 1000, 1200)
    expect(measured).toBe(51)
  })

  it('measures no span in a chunk that content-visibility skips (it is placed once shown)', () => {
    // Chunk 1000-1999 skipped, as in a block off the screen; measuring there would lay it out.
    const skipped = root.children[1] as HTMLElement & { checkVisibility: () => boolean }
    skipped.checkVisibility = () => false
    const painter = new ChipPainter(layer, indexChunks(root))
    painter.paint(chips, 900, 2100)
    // 25 spans start in 900-999 and 25 in 2000-2099; the 250 of the skipped chunk wait.
    expect(measured).toBe(50)
    expect(layer.children).toHaveLength(50)
    skipped.checkVisibility = () => true
    painter.paint(chips, 900, 2100)
    expect(layer.children).toHaveLength(300)
  })

  it('draws at most the limit on screen, and every span when asked (printing)', () => {
    // 1,000 of the spans: over the limit, and quick enough in jsdom on a loaded machine (all
    // 5,000 chips took over 5 s there).
    const some = { ...chips, marks: marks.slice(0, 1000) }
    const painter = new ChipPainter(layer, indexChunks(root))
    painter.paint(some, 0, 20_000)
    expect(layer.children).toHaveLength(400)
    painter.paint(some, 0, 20_000, Infinity)
    expect(layer.children).toHaveLength(1000)
  })
})
