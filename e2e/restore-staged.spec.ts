import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { dumpDatabase } from './db-dump'
import { DatasetsPage } from './pages/datasets-page'
import { storedCounts } from './stored'

test.beforeEach(async ({ page }) => {
  // Headless Chromium may not show the picker: take it away, so the export is a download.
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker
  })
})

test('the preview of a Tracemark export writes ahead, hidden: Cancel takes it all back, Import keeps it', async ({
  page,
  browser,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 6)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: /^Export flat-small as Tracemark JSONL/ }).click()
  const file = test.info().outputPath('flat-small.tracemark.jsonl')
  await (await download).saveAs(file)

  // A fresh profile: its own, empty IndexedDB.
  const context = await browser.newContext()
  const fresh = await context.newPage()
  const other = new DatasetsPage(fresh)
  await other.goto()
  const empty = await dumpDatabase(fresh)
  await other.previewFile(file)
  await expect(fresh.getByTestId('tracemark-summary')).toHaveText(
    'Tracemark export: 6 traces, 0 spans, 0 relations',
  )
  // Its rows are written while the user chooses (as a dataset being imported, not shown).
  await expect.poll(() => storedCounts(fresh)).toEqual({ datasets: 1, traces: 6, texts: 6 })
  await expect(fresh.getByTestId('dataset-row')).toHaveCount(0)
  await other.previewForm().getByRole('button', { name: 'Cancel' }).click()
  await expect.poll(() => dumpDatabase(fresh)).toBe(empty)

  await other.previewFile(file)
  await other.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
  await expect(fresh.getByText(/^Restored 6 traces, 0 spans and 0 relations/)).toBeVisible()
  await fresh.getByRole('button', { name: 'OK' }).click()
  await expect(other.row('flat-small')).toBeVisible()
  expect(await storedCounts(fresh)).toEqual({ datasets: 1, traces: 6, texts: 6 })
  await context.close()
})
