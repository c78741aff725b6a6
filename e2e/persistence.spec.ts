import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { expect, test } from './test'
import { setAnnotator } from './pages/annotator'

/** Default contexts keep IndexedDB in memory; a restart needs a profile on disk. */
test('datasets and spans survive a browser restart', async ({ browserName, baseURL }, info) => {
  test.skip(browserName !== 'chromium')
  // Two browser launches of a profile on disk: over a minute on a loaded two-core machine.
  test.setTimeout(120_000)
  const dir = mkdtempSync(join(tmpdir(), 'tracemark-profile-'))
  const launch = () =>
    chromium.launchPersistentContext(dir, {
      executablePath: info.project.use.launchOptions?.executablePath,
      args: info.project.use.launchOptions?.args,
      baseURL,
    })
  try {
    let context = await launch()
    let page = context.pages()[0] ?? (await context.newPage())
    await page.goto('./#/')
    await setAnnotator(page)
    await page.getByRole('button', { name: 'Load the demo dataset' }).click()
    await expect(page.getByText('Imported 12 traces')).toBeVisible()
    await page.getByRole('link', { name: 'demo-traces' }).click()
    await page.getByRole('cell', { name: 'demo-04', exact: true }).click()
    await page.locator('[data-field="reasoning"]').evaluate((root) => {
      const node = root.querySelector('[data-start]')!.firstChild!
      const range = document.createRange()
      range.setStart(node, 0)
      range.setEnd(node, 10)
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
    })
    await page.keyboard.press('3')
    await expect(page.getByTestId('span-item')).toHaveCount(1)
    // Shown at once, written behind: the list says when it is stored.
    await expect(page.getByTestId('span-item')).toHaveAttribute('data-state', 'saved')
    await context.close()

    context = await launch()
    page = context.pages()[0] ?? (await context.newPage())
    await page.goto('./#/')
    await expect(page.getByRole('link', { name: 'demo-traces' })).toBeVisible()
    await page.getByRole('link', { name: 'demo-traces' }).click()
    await page.getByRole('cell', { name: 'demo-04', exact: true }).click()
    await expect(page.getByTestId('span-item')).toHaveCount(1)
    await expect(page.getByTestId('span-item')).toContainText('Exploration')
    await context.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
