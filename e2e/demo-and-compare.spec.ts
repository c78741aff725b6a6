import { readFileSync } from 'node:fs'
import { expect, test } from './test'
import { DatasetsPage } from './pages/datasets-page'
import { TracesPage } from './pages/traces-page'

test('offers the demo on first start and compares two traces side by side', async ({ page }) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await page.getByRole('button', { name: 'Load the demo dataset' }).click()
  await expect(page.getByText('Imported 12 traces from demo-traces.jsonl')).toBeVisible()
  await page.getByRole('button', { name: 'OK' }).click()
  await expect(page.getByRole('button', { name: 'Load the demo dataset' })).toHaveCount(0)

  await datasets.open('demo-traces')
  const traces = new TracesPage(page)
  await expect(traces.rows()).toHaveCount(12)
  await traces.select('demo-01')
  await traces.select('demo-02')
  await page.getByRole('button', { name: 'Compare selected' }).click()

  const panes = page.getByTestId('compare-pane')
  await expect(panes).toHaveCount(2)
  await expect(panes.nth(0).getByRole('heading', { name: 'Trace demo-01' })).toBeVisible()
  await expect(panes.nth(1).getByRole('heading', { name: 'Trace demo-02' })).toBeVisible()
  // Each pane draws its own pivot highlights, under names that do not clash.
  const sizes = await panes.evaluateAll((els) =>
    els.map((el) => {
      const prefix = el
        .querySelector('[data-field="reasoning"]')!
        .getAttribute('data-highlight-prefix')
      return { prefix, size: CSS.highlights.get(`${prefix}-pivot-realization`)?.size ?? 0 }
    }),
  )
  expect(new Set(sizes.map((s) => s.prefix)).size).toBe(2)
  for (const s of sizes) expect(s.size).toBeGreaterThan(0)
})

test('exports the traces selected in the table', async ({ page }) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await page.getByRole('button', { name: 'Load the demo dataset' }).click()
  await expect(page.getByText('Imported 12 traces from demo-traces.jsonl')).toBeVisible()
  await page.getByRole('button', { name: 'OK' }).click()
  await datasets.open('demo-traces')
  const traces = new TracesPage(page)
  await traces.select('demo-04')
  await traces.select('demo-09')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export selected' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^tracemark-selection-.*\.jsonl$/)
  const keys = readFileSync(await file.path(), 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { trace: { key: string } }).trace.key)
  expect(keys.sort()).toEqual(['demo-04', 'demo-09'])
})
