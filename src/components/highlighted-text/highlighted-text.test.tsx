// @vitest-environment happy-dom
/**
 * The reader's text as a component (testing-library): selection → text offsets through the
 * rendered chunks, and highlight layers drawn over them, on text with emoji and CJK whose chunk
 * seams fall inside runs of them.
 */
import { cleanup, render } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { highlighted, installFakeHighlights } from '../../testing/fake-highlights'
import type { HighlightLayer } from './highlight-layer'
import { indexChunks, rangeFor, selectionOffsets } from './dom-offsets'
import type { HighlightedText as HighlightedTextType } from './highlighted-text'

const registry = installFakeHighlights()

let HighlightedText: typeof HighlightedTextType
beforeAll(async () => {
  // Imported after the stubs: whether highlights are supported is read when the module loads.
  ;({ HighlightedText } = await import('./highlighted-text'))
})
afterEach(() => {
  cleanup()
  window.getSelection()?.removeAllRanges()
})

// No spaces: chunks are cut at 1,000 code units, inside the CJK and emoji runs (never inside a
// surrogate pair). Two steps (a blank line), so there is a block seam too.
const RUN = '答案是😀思考🧪、。，'
const TEXT = `${RUN.repeat(300)}\n\n${'Wait 🤔 再想 '.repeat(200)}end`

function show(layers: HighlightLayer[] = []) {
  const { container, rerender } = render(
    <HighlightedText text={TEXT} layers={layers} field="reasoning" label="Reasoning" />,
  )
  const root = container.querySelector<HTMLElement>('[data-field="reasoning"]')!
  return { root, rerender }
}

function select(root: HTMLElement, start: number, end: number) {
  const range = rangeFor(indexChunks(root), start, end)!
  const selection = window.getSelection()!
  selection.removeAllRanges()
  selection.addRange(range)
  return range
}

describe('HighlightedText: the offset mapper', () => {
  it('renders every code unit once, in chunks that never split a surrogate pair', () => {
    const { root } = show()
    const chunks = [...root.querySelectorAll<HTMLElement>('[data-start]')]
    expect(chunks.length).toBeGreaterThan(3)
    expect(chunks.map((c) => c.textContent).join('')).toBe(TEXT)
    for (const c of chunks) {
      const start = Number(c.dataset.start)
      expect(TEXT.slice(start, start + c.textContent!.length)).toBe(c.textContent)
      expect(c.textContent!.charCodeAt(0) >> 10).not.toBe(0xdc00 >> 10) // no lone low surrogate
    }
  })

  it('maps a selection across chunk and block seams back to the stored offsets', () => {
    const { root } = show()
    const seams = [...root.querySelectorAll<HTMLElement>('[data-start]')]
      .map((c) => Number(c.dataset.start))
      .filter((s) => s > 0)
    for (const seam of seams) {
      for (const [start, end] of [
        [seam - 3, seam + 4],
        [seam - 1, seam + 1],
        [seam, seam + 2],
        [Math.max(0, seam - 1500), Math.min(TEXT.length, seam + 1500)],
      ] as const) {
        const range = select(root, start, end)
        expect(range.toString()).toBe(TEXT.slice(start, end))
        expect(selectionOffsets(root)).toEqual({ start, end })
      }
    }
  })

  it('maps a selection whose ends are element points, and ignores one outside the text', () => {
    const { root } = show()
    const blocks = root.querySelectorAll('.text-block')
    const range = document.createRange()
    range.setStart(blocks[1]!, 0) // before the second block's first chunk
    range.setEnd(root, root.querySelectorAll('.text-section').length) // after the last chunk
    window.getSelection()!.addRange(range)
    const secondStart = Number(blocks[1]!.querySelector<HTMLElement>('[data-start]')!.dataset.start)
    expect(selectionOffsets(root)).toEqual({ start: secondStart, end: TEXT.length })

    window.getSelection()!.removeAllRanges()
    const outside = document.createElement('p')
    outside.textContent = 'elsewhere'
    document.body.append(outside)
    const away = document.createRange()
    away.selectNodeContents(outside)
    window.getSelection()!.addRange(away)
    expect(selectionOffsets(root)).toBeNull()
  })
})

describe('HighlightedText: the highlight layers', () => {
  const at = (s: string, from = 0) => {
    const i = TEXT.indexOf(s, from)
    return { start: i, end: i + s.length }
  }
  const ranges = (name: string) => highlighted(registry, name)

  it('draws each layer under its own name, ranges exact across seams, and follows changes', async () => {
    const emoji = at('🧪', 990) // near the first chunk seam
    const wait = at('Wait 🤔')
    const seam = 1000
    const across = { start: seam - 2, end: seam + 2 }
    const pivots: HighlightLayer = {
      key: 'pivot-check',
      color: '#fde68a',
      style: 'fill',
      priority: 1,
      ranges: [emoji, wait],
    }
    const spans: HighlightLayer = {
      key: 'span-claim',
      color: '#bfdbfe',
      style: 'span',
      priority: 2,
      ranges: [{ ...across, id: 's1' }],
    }
    const { root, rerender } = show([pivots, spans])
    const prefix = root.dataset.highlightPrefix!
    // The text's start is drawn at once; the band on the screen is measured after the frame.
    expect(root.dataset.highlights).toBeUndefined()
    expect(ranges(`${prefix}-pivot-check`)).toEqual(['Wait 🤔', '🧪'].sort())
    expect(ranges(`${prefix}-span-claim`)).toEqual([TEXT.slice(across.start, across.end)])
    expect(registry.get(`${prefix}-span-claim`)!.priority).toBeGreaterThan(
      registry.get(`${prefix}-pivot-check`)!.priority,
    )
    await vi.waitFor(() => expect(root.dataset.highlights).toBe('painted'))

    // A span removed and another added: the layer follows; the pivots are left as they were.
    const moved: HighlightLayer = { ...spans, ranges: [{ ...wait, id: 's2' }] }
    rerender(
      <HighlightedText text={TEXT} layers={[pivots, moved]} field="reasoning" label="Reasoning" />,
    )
    expect(ranges(`${prefix}-span-claim`)).toEqual(['Wait 🤔'])
    expect(ranges(`${prefix}-pivot-check`)).toHaveLength(2)

    // A layer no longer given is taken away; unmounting takes away the rest.
    rerender(<HighlightedText text={TEXT} layers={[moved]} field="reasoning" label="Reasoning" />)
    expect(registry.has(`${prefix}-pivot-check`)).toBe(false)
    cleanup()
    expect([...registry.keys()].filter((k) => k.startsWith(prefix))).toEqual([])
  })
})
