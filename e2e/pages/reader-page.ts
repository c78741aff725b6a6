import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'

export class ReaderPage {
  constructor(readonly page: Page) {}

  field(name: 'problem' | 'reasoning' | 'answer') {
    return this.page.locator(`.reader-texts [data-field="${name}"]`)
  }

  async expectOpen(key: string) {
    await expect(this.page.getByRole('heading', { name: `Trace ${key}`, level: 1 })).toBeVisible()
  }

  /** The pivot count the legend shows for one lexicon category. */
  async legendCount(category: string): Promise<number> {
    return Number(await this.page.getByTestId(`pivot-count-${category}`).getAttribute('data-count'))
  }

  /**
   * Ranges registered with the CSS Custom Highlight API for one layer of one field. The reader
   * makes ranges only near the screen; `whole` first asks for all of them, as printing does.
   */
  async highlightSize(field: string, layer: string, whole = true): Promise<number> {
    const prefix = await this.field(field as 'reasoning').getAttribute('data-highlight-prefix')
    return this.page.evaluate(
      ([name, all]) => {
        if (all) dispatchEvent(new Event('beforeprint'))
        if (all) dispatchEvent(new Event('afterprint'))
        return CSS.highlights.get(name)?.size ?? 0
      },
      [`${prefix}-${layer}`, whole] as const,
    )
  }

  /**
   * Range counts of several layers of one field after one print cycle: a print cycle lays out
   * the whole text (a few seconds on a long trace on a loaded machine), so ask for them together.
   */
  async highlightSizes(field: string, layers: readonly string[]): Promise<Record<string, number>> {
    const prefix = await this.field(field as 'reasoning').getAttribute('data-highlight-prefix')
    return this.page.evaluate(
      ([pre, names]) => {
        dispatchEvent(new Event('beforeprint'))
        dispatchEvent(new Event('afterprint'))
        return Object.fromEntries(
          names.map((n) => [n, CSS.highlights.get(`${pre}-${n}`)?.size ?? 0]),
        )
      },
      [prefix, layers] as const,
    )
  }

  /** Highlighted text of one layer, in the order the ranges were made (all of them, see above). */
  async highlightTexts(field: string, layer: string): Promise<string[]> {
    const prefix = await this.field(field as 'reasoning').getAttribute('data-highlight-prefix')
    return this.page.evaluate((name) => {
      dispatchEvent(new Event('beforeprint'))
      dispatchEvent(new Event('afterprint'))
      // The app's highlights are StaticRanges: their text through a live Range.
      return [...(CSS.highlights.get(name) ?? [])].map((r) => {
        const live = new Range()
        live.setStart(r.startContainer, r.startOffset)
        live.setEnd(r.endContainer, r.endOffset)
        return live.toString()
      })
    }, `${prefix}-${layer}`)
  }

  /** The text offsets of one layer's ranges (all of them, see above). */
  async highlightOffsets(field: string, layer: string): Promise<{ start: number; end: number }[]> {
    const prefix = await this.field(field as 'reasoning').getAttribute('data-highlight-prefix')
    return this.page.evaluate((name) => {
      dispatchEvent(new Event('beforeprint'))
      dispatchEvent(new Event('afterprint'))
      const offset = (node: Node, at: number) => {
        const chunk = (node instanceof Text ? node.parentElement : (node as Element))?.closest(
          '[data-start]',
        ) as HTMLElement
        return Number(chunk.dataset.start) + at
      }
      return [...(CSS.highlights.get(name) ?? [])].map((r) => ({
        start: offset(r.startContainer, r.startOffset),
        end: offset(r.endContainer, r.endOffset),
      }))
    }, `${prefix}-${layer}`)
  }

  /**
   * The annotation cursor of the reasoning, as the reader draws it: on a canvas over the text
   * (text-cursor.ts), whose layer element holds the offsets drawn (its `drawnCursor` property).
   * Empty while there is no cursor, or while the canvas is not painted over its text (the middle
   * of every line box of the text at those offsets must be painted): one entry, as a layer of
   * ranges would give.
   */
  async cursorOffsets(): Promise<{ start: number; end: number }[]> {
    return (await this.cursorShown()).map(({ start, end }) => ({ start, end }))
  }

  /** The text under the drawn cursor (see cursorOffsets). */
  async cursorTexts(): Promise<string[]> {
    return (await this.cursorShown()).map((c) => c.text)
  }

  private cursorShown() {
    return this.field('reasoning').evaluate((root) => {
      const layer = root.parentElement!.querySelector('[data-testid="text-cursor"]') as
        (HTMLElement & { drawnCursor?: { start: number; end: number } | null }) | null
      const canvas = layer?.querySelector('canvas')
      const drawn = layer?.drawnCursor
      if (!canvas || !drawn) return []
      const { start, end } = drawn
      const rects: DOMRect[] = []
      let text = ''
      for (const chunk of root.querySelectorAll<HTMLElement>('[data-start]')) {
        const base = Number(chunk.dataset.start)
        const node = chunk.firstChild as Text
        const from = Math.max(0, start - base)
        const to = Math.min(node.length, end - base)
        if (to <= from) continue
        text += node.data.slice(from, to)
        const range = document.createRange()
        range.setStart(node, from)
        range.setEnd(node, to)
        rects.push(...[...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0))
      }
      const box = canvas.getBoundingClientRect()
      const pixels = canvas.getContext('2d')!
      const painted = (r: DOMRect) => {
        const x = Math.floor(((r.left + r.right) / 2 - box.left) * (canvas.width / box.width))
        const y = Math.floor(((r.top + r.bottom) / 2 - box.top) * (canvas.height / box.height))
        return pixels.getImageData(x, y, 1, 1).data[3]! > 0
      }
      return rects.length > 0 && rects.every(painted) ? [{ start, end, text }] : []
    })
  }

  /** Selects [start, end) of a field's text, as a user's drag would, using the chunk offsets. */
  async selectText(field: 'problem' | 'reasoning' | 'answer', start: number, end: number) {
    await this.rangeIn(field, start, end, true)
  }

  /**
   * Builds the DOM range of [start, end) from the chunks' `data-start`, scrolls it into view, and
   * either selects it or returns where its first and last characters are on screen.
   */
  rangeIn(field: 'problem' | 'reasoning' | 'answer', start: number, end: number, select: boolean) {
    return this.field(field).evaluate(
      (root, [s, e, sel]) => {
        const chunks = [...root.querySelectorAll<HTMLElement>('[data-start]')]
        const point = (offset: number): [Node, number] => {
          const chunk = chunks.findLast((c) => Number(c.dataset.start) <= offset)!
          return [chunk.firstChild!, offset - Number(chunk.dataset.start)]
        }
        const range = document.createRange()
        range.setStart(...point(s as number))
        range.setEnd(...point(e as number))
        range.startContainer.parentElement!.scrollIntoView({ block: 'center' })
        if (sel) {
          getSelection()!.removeAllRanges()
          getSelection()!.addRange(range)
        }
        const rects = range.getClientRects()
        const first = rects[0]!
        const last = rects[rects.length - 1]!
        return {
          x1: first.left + 1,
          y1: first.top + first.height / 2,
          x2: last.right - 1,
          y2: last.top + last.height / 2,
        }
      },
      [start, end, select] as const,
    )
  }

  spans() {
    return this.page.getByTestId('span-item')
  }

  layerToggle(name: RegExp) {
    return this.page.getByRole('region', { name: 'Layers' }).getByRole('checkbox', { name })
  }

  minimap() {
    return this.page.getByTestId('minimap')
  }

  /** The lanes the minimap draws marks in (`pivot-<category>`, `backtrack`, `span`, `search`). */
  async minimapKinds(): Promise<string[]> {
    const kinds = (await this.minimap().getAttribute('data-kinds')) ?? ''
    return kinds.split(' ').filter(Boolean)
  }

  /** Whether the character at `offset` of a field is inside the window's viewport. */
  async offsetInView(field: 'problem' | 'reasoning' | 'answer', offset: number): Promise<boolean> {
    return this.field(field).evaluate((root, at) => {
      const chunks = [...root.querySelectorAll<HTMLElement>('[data-start]')]
      const chunk = chunks.findLast((c) => Number(c.dataset.start) <= at)!
      const range = document.createRange()
      const local = at - Number(chunk.dataset.start)
      range.setStart(chunk.firstChild!, local)
      range.setEnd(chunk.firstChild!, Math.min(local + 1, chunk.firstChild!.textContent!.length))
      const rect = range.getBoundingClientRect()
      return rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight
    }, offset)
  }
}

/** Drags the mouse over [start, end) of a field's text, as a person selecting it would. */
export async function dragSelect(
  reader: ReaderPage,
  field: 'problem' | 'reasoning' | 'answer',
  start: number,
  end: number,
) {
  const box = await reader.rangeIn(field, start, end, false)
  const mouse = reader.page.mouse
  await mouse.move(box.x1, box.y1)
  await mouse.down()
  await mouse.move(box.x2, box.y2, { steps: 5 })
  await mouse.up()
}
