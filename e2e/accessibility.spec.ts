import AxeBuilder from '@axe-core/playwright'
import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { DatasetsPage } from './pages/datasets-page'

test.setTimeout(180_000)

/**
 * Issue #12: axe (WCAG rules) on every screen: datasets, import preview, traces, reader, stats,
 * lexicons, compare, the export panel; no serious or critical violation on any.
 */
test('no serious or critical axe violation on any screen', async ({ page }) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(resolve(OWN_FIXTURES, 'pair-a.jsonl'))
  await datasets.importFile(resolve(OWN_FIXTURES, 'pair-b.jsonl'))
  const counts: Record<string, string[]> = {}
  const scan = async (screen: string) => {
    const r = await new AxeBuilder({ page }).analyze()
    counts[screen] = r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}×${v.nodes.length}(${v.impact})`)
    expect.soft(counts[screen], `serious or critical axe violations on ${screen}`).toEqual([])
  }
  await scan('datasets')
  await datasets.fileInput().setInputFiles(resolve(OWN_FIXTURES, 'flat-small.jsonl'))
  await expect(datasets.previewForm()).toBeVisible()
  await scan('import preview')
  await datasets.previewForm().getByRole('button', { name: 'Cancel' }).click()
  await page.goto('./#/traces')
  await expect(page.getByTestId('trace-row').first()).toBeVisible()
  await scan('traces')
  await page.getByTestId('trace-row').first().getByRole('cell').nth(1).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Trace')
  await scan('reader')
  await page.goto('./#/stats')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.waitForTimeout(1500)
  await scan('stats')
  await page.goto('./#/lexicons')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await scan('lexicons')
  await page.goto('./#/traces')
  await page
    .getByRole('checkbox', { name: /^Select trace/ })
    .nth(0)
    .check()
  await page
    .getByRole('checkbox', { name: /^Select trace/ })
    .nth(1)
    .check()
  await page.getByRole('button', { name: 'Compare selected' }).click()
  await page.waitForTimeout(1500)
  await scan('compare')
  await page.goto('./#/')
  await page.getByText('Other formats…').first().click()
  await page.waitForTimeout(500)
  await scan('export panel')
})
