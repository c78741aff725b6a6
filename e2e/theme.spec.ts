import type { Page } from '@playwright/test'
import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { DatasetsPage } from './pages/datasets-page'
import { ReaderPage } from './pages/reader-page'
import { TracesPage } from './pages/traces-page'
import { storedRows } from './stored'

/** Issue #12: a dark theme that follows the system by default, and a choice kept in prefs. */

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body.parentElement!).backgroundColor)
const LIGHT_BG = 'rgb(248, 250, 252)'
const DARK_BG = 'rgb(15, 23, 42)'

test('the theme follows the system, a choice in the header overrides it and is kept', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 6)
  expect(await background(page)).toBe(DARK_BG)
  await datasets.open('flat-small')
  await new TracesPage(page).open('fs-plain')
  const reader = new ReaderPage(page)
  await reader.expectOpen('fs-plain')
  const prefix = await reader.field('reasoning').getAttribute('data-highlight-prefix')
  const pivotFill = () =>
    page.evaluate((p) => {
      const name = [...CSS.highlights.keys()].find((k) => k.startsWith(`${p}-pivot`))!
      const text = document.querySelector(`[data-highlight-prefix="${p}"]`)!
      return getComputedStyle(text, `::highlight(${name})`).backgroundColor
    }, prefix)
  const darkFill = await pivotFill()

  const theme = page.getByLabel('Theme')
  await theme.selectOption('light')
  await expect.poll(() => background(page)).toBe(LIGHT_BG)
  const lightFill = await pivotFill()
  // The pivot colour is a pastel on the light page and a dark shade of it on the dark one,
  // where the light ink keeps a readable contrast (WCAG AA, 4.5:1) over it.
  expect(lightFill).toBe('rgb(255, 214, 165)')
  expect(contrast(darkFill, 'rgb(226, 232, 240)')).toBeGreaterThanOrEqual(4.5)
  // No flash of the system's dark theme: the choice is applied before the app's script runs.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      ;(window as { themeAtLoad?: string }).themeAtLoad = document.documentElement.dataset.theme
    })
  })
  await page.reload()
  await reader.expectOpen('fs-plain')
  expect(await page.evaluate(() => (window as { themeAtLoad?: string }).themeAtLoad)).toBe('light')
  await expect(theme).toHaveValue('light')
  expect(await background(page)).toBe(LIGHT_BG)
  await expect
    .poll(
      async () =>
        (await storedRows<{ key: string; value: unknown }>(page, 'prefs')).find(
          (p) => p.key === 'theme',
        )?.value,
    )
    .toBe('light')

  await theme.selectOption('dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(() => background(page)).toBe(DARK_BG)
  await theme.selectOption('system')
  await expect.poll(() => background(page)).toBe(LIGHT_BG)
})

/** WCAG contrast of two computed colours (`rgb(r, g, b)` or `color(srgb r g b)`). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const parts = css.match(/[\d.]+/g)!.map(Number)
    const [r, g, bl] = css.startsWith('color(') ? parts : parts.map((v) => v / 255)
    const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(bl!)
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}
