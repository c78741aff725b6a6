import { expect, test } from './test'
import { openForAnnotation } from './pages/annotate-setup'

test('each span shows a label chip at its start, over the text and not in it; in print too', async ({
  page,
}) => {
  const reader = await openForAnnotation(page, 'fs-plain')
  const text = await reader.field('reasoning').textContent()
  // j 1: the first sentence, Realization; l 2: the second step, Verification.
  await page.keyboard.press('j')
  await page.keyboard.press('1')
  await page.keyboard.press('l')
  await page.keyboard.press('2')
  await expect(reader.spans()).toHaveCount(2)
  const layer = reader.field('reasoning').locator('xpath=../*[@data-testid="span-chips"]')
  await expect(layer.locator('.span-chip')).toHaveText(['Realization', 'Verification'])
  // The text is the stored text, chip names are not in it.
  expect(await reader.field('reasoning').textContent()).toBe(text)

  const starts = [0, text!.indexOf('Wait')]
  const check = async () => {
    const seen = await reader.field('reasoning').evaluate((root, offsets) => {
      const layer = root.parentElement!.querySelector<HTMLElement>('[data-testid="span-chips"]')!
      const chunks = [...root.querySelectorAll<HTMLElement>('[data-start]')]
      const charBox = (offset: number) => {
        const chunk = chunks.findLast((c) => Number(c.dataset.start) <= offset)!
        const at = offset - Number(chunk.dataset.start)
        const range = document.createRange()
        range.setStart(chunk.firstChild!, at)
        range.setEnd(chunk.firstChild!, at + 1)
        return range.getClientRects()[0]!
      }
      const chips = [...layer.querySelectorAll<HTMLElement>('.span-chip')]
      return {
        hidden: layer.getAttribute('aria-hidden'),
        pointerEvents: getComputedStyle(layer).pointerEvents,
        width: root.parentElement!.getBoundingClientRect().width,
        chips: chips.map((chip, i) => {
          const box = chip.getBoundingClientRect()
          const start = charBox(offsets[i]!)
          const hit = document.elementFromPoint(box.left + 2, box.top + box.height / 2)
          return {
            text: chip.textContent,
            dx: box.left - start.left,
            // The chip sits on the start's line, lifted into the gap above it.
            dy: box.bottom - start.top,
            height: start.height,
            hitsChip: hit === chip,
          }
        }),
      }
    }, starts)
    expect(seen.hidden).toBe('true')
    expect(seen.pointerEvents).toBe('none')
    expect(seen.chips.map((c) => c.text)).toEqual(['Realization', 'Verification'])
    for (const c of seen.chips) {
      expect(Math.abs(c.dx)).toBeLessThan(2)
      expect(c.dy).toBeGreaterThan(-2)
      expect(c.dy).toBeLessThan(c.height / 2)
      expect(c.hitsChip).toBe(false)
    }
    return seen.width
  }
  await check()

  // Print: every span's chip, measured at the print width, where the print layout puts the text.
  await page.emulateMedia({ media: 'print' })
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')))
  const printWidth = await check()
  expect(Math.abs(printWidth - (180 / 25.4) * 96)).toBeLessThan(2)
  await page.evaluate(() => dispatchEvent(new Event('afterprint')))
  await page.emulateMedia({ media: 'screen' })
  await check()
})
