import { readFileSync } from 'node:fs'
import { expect, test } from './test'
import { setAnnotator } from './pages/annotator'
import { DatasetsPage } from './pages/datasets-page'
import { TracesPage } from './pages/traces-page'
import { ComparePage } from './pages/compare-page'
import { storedRows } from './stored'

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
  await expect(panes.nth(0).getByRole('link', { name: 'Trace demo-01' })).toBeVisible()
  await expect(panes.nth(1).getByRole('link', { name: 'Trace demo-02' })).toBeVisible()
  await expect(page).toHaveURL(/#\/compare\?ids=/)
  // the first version's links still open the same comparison
  const ids = new URL(page.url()).hash.split('ids=')[1]!
  await page.goto(`./#/compare/${decodeURIComponent(ids)}`)
  await expect(panes).toHaveCount(2)
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

test('labels a span in the focused pane of a comparison', async ({ page }) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await setAnnotator(page)
  await page.getByRole('button', { name: 'Load the demo dataset' }).click()
  await expect(page.getByText('Imported 12 traces from demo-traces.jsonl')).toBeVisible()
  await page.getByRole('button', { name: 'OK' }).click()
  await datasets.open('demo-traces')
  const traces = new TracesPage(page)
  await traces.select('demo-01')
  await traces.select('demo-02')
  await page.getByRole('button', { name: 'Compare selected' }).click()
  const compare = new ComparePage(page)
  await expect(compare.panes()).toHaveCount(2)
  await compare.dragSelect(1, 0, 8)
  await expect(compare.pane(1)).toHaveAttribute('aria-current', 'true')
  await page.keyboard.press('1')
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toBeVisible()
  const spans = await storedRows<{ traceId: string; start: number; end: number }>(
    page,
    'annotations',
  )
  expect(spans).toHaveLength(1)
  expect(spans[0]).toMatchObject({ start: 0, end: 8 })
  // the new span is selected; once deselected it is drawn in its label's layer, in its pane only
  await expect.poll(() => compare.highlightSize(1, 'span-selected')).toBe(1)
  await page.keyboard.press('Escape')
  await expect.poll(() => compare.highlightSize(1, 'span-realization')).toBe(1)
  expect(await compare.highlightSize(0, 'span-realization')).toBe(0)
})
