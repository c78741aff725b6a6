import type { Locator, Page } from '@playwright/test'

/** The compare view (`#/compare?…`): panes, their headers, the strip and the timelines. */
export class ComparePage {
  constructor(readonly page: Page) {}

  panes() {
    return this.page.getByTestId('compare-pane')
  }

  pane(i: number) {
    return this.panes().nth(i)
  }

  reasoning(i: number): Locator {
    return this.pane(i).locator('[data-field="reasoning"]')
  }

  /** Full dataset names of the panes' headers, in pane order. */
  async datasetNames(): Promise<string[]> {
    return this.page
      .locator('[data-testid="compare-pane"] .pane-header [data-testid="dataset-chip"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''))
  }

  stripCell(metric: string, pane: number) {
    return this.page.locator(
      `[data-testid="metrics-strip"] tr[data-metric="${metric}"] td[data-pane="${pane}"]`,
    )
  }

  /** Scroll position of each pane as a fraction of how far it can scroll. */
  async scrollFractions(): Promise<number[]> {
    return this.page
      .getByTestId('compare-scroll')
      .evaluateAll((els) =>
        els.map((e) => e.scrollTop / Math.max(1, e.scrollHeight - e.clientHeight)),
      )
  }

  /** The step number at the top of each pane (the last step block starting at or above it). */
  async topSteps(): Promise<number[]> {
    return this.page.getByTestId('compare-scroll').evaluateAll((els) =>
      els.map((e) => {
        const blocks = [
          ...e.querySelectorAll<HTMLElement>('[data-field="reasoning"] .text-block[data-step]'),
        ]
        // Through the offset parents: a block's is its section (content-visibility: auto).
        const topIn = (el: HTMLElement) => {
          let top = 0
          for (let p: HTMLElement | null = el; p && p !== e; p = p.offsetParent as HTMLElement)
            top += p.offsetTop
          return top
        }
        const top = blocks.filter((b) => topIn(b) <= e.scrollTop + 1).at(-1) ?? blocks[0]
        return Number(top?.dataset.step ?? 0)
      }),
    )
  }

  /** Wheels over a pane's scroller, as a user scrolls it. */
  async wheel(pane: number, dy: number) {
    const box = (await this.pane(pane).getByTestId('compare-scroll').boundingBox())!
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await this.page.mouse.wheel(0, dy)
  }

  /** Drags the mouse over [start, end) of a pane's reasoning, as a user selects text. */
  async dragSelect(pane: number, start: number, end: number) {
    const box = await this.reasoning(pane).evaluate(
      (root, [s, e]) => {
        const chunks = [...root.querySelectorAll<HTMLElement>('[data-start]')]
        const point = (offset: number): [Node, number] => {
          const chunk = chunks.findLast((c) => Number(c.dataset.start) <= offset)!
          return [chunk.firstChild!, offset - Number(chunk.dataset.start)]
        }
        const range = document.createRange()
        range.setStart(...point(s!))
        range.setEnd(...point(e!))
        range.startContainer.parentElement!.scrollIntoView({ block: 'center' })
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
      [start, end] as const,
    )
    const mouse = this.page.mouse
    await mouse.move(box.x1, box.y1)
    await mouse.down()
    await mouse.move(box.x2, box.y2, { steps: 5 })
    await mouse.up()
  }

  /** Ranges of one highlight layer drawn in a pane's reasoning. */
  async highlightSize(pane: number, layer: string): Promise<number> {
    const prefix = await this.reasoning(pane).getAttribute('data-highlight-prefix')
    return this.page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, `${prefix}-${layer}`)
  }
}
