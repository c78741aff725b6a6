import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { setAnnotator } from './pages/annotator'
import { DatasetsPage } from './pages/datasets-page'
import { ReaderPage } from './pages/reader-page'
import { TracesPage } from './pages/traces-page'
import { putRows, seedSpan, storedCounts, storedRows } from './stored'

/** Issue #12, points 1 and 2: labels are never deleted without the user's say. */

test('a pending import is invisible until kept, and its choice survives navigation and reload', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.previewFile(resolve(OWN_FIXTURES, 'bad-lines.jsonl'))
  await datasets.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByText('3 valid traces, 2 bad records')).toBeVisible()

  // While the choice is pending, its traces are listed nowhere.
  const traces = new TracesPage(page)
  await traces.gotoAll()
  await expect(traces.count()).toHaveText(/^0 traces/)
  await expect(traces.rows()).toHaveCount(0)

  // The choice comes back: on the Datasets page, and after a reload.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Datasets' })
    .click()
  await expect(page.getByText('3 valid traces, 2 bad records')).toBeVisible()
  await page.reload()
  await expect(page.getByText('3 valid traces, 2 bad records')).toBeVisible()
  expect((await storedCounts(page)).traces).toBe(3)

  await page.getByRole('button', { name: 'Import the 3 valid traces' }).click()
  await expect(datasets.row('bad-lines')).toContainText('3')
  await traces.gotoAll()
  await expect(traces.rows()).toHaveCount(3)
})

test('start-up clean-up asks before removing a cut-off import that holds spans', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 6)
  // Put the dataset back in the state a closed tab leaves it in, with one span on a trace.
  const [dataset] = await storedRows<{ id: string }>(page, 'datasets')
  await putRows(page, { datasets: [{ ...dataset!, status: 'importing' }] })
  await seedSpan(page, { datasetId: dataset!.id })
  await page.reload()
  const question = page.getByRole('region', { name: /cut off/ })
  await expect(question).toContainText('1 span')
  expect(await storedCounts(page)).toEqual({ datasets: 1, traces: 6, texts: 6 })
  expect(await storedRows(page, 'annotations')).toHaveLength(1)
  await question.getByRole('button', { name: /Keep the 6 traces/ }).click()
  await expect(datasets.row('flat-small')).toContainText('6')
})

test('replace says how many spans lose their trace, and lists them as orphans', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await setAnnotator(page)
  await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 6)
  await datasets.open('flat-small')
  const traces = new TracesPage(page)
  await traces.open('fs-plain')
  const reader = new ReaderPage(page)
  await reader.expectOpen('fs-plain')
  await reader.selectText('reasoning', 0, 3)
  await page.keyboard.press('1')
  await expect(reader.spans()).toHaveCount(1)

  await datasets.goto()
  await datasets.previewFile(resolve(OWN_FIXTURES, 'pair-a.jsonl'))
  const form = datasets.previewForm()
  await form.getByLabel('Add or replace').selectOption({ index: 1 })
  await form.getByRole('button', { name: 'Import', exact: true }).click()
  const question = page.getByRole('region', { name: /Replace/ })
  await expect(question).toContainText(
    '1 of 1 spans have no matching trace and will be listed as orphans',
  )
  // Nothing has happened yet.
  expect(await storedRows(page, 'annotations')).toHaveLength(1)
  await expect(datasets.row('flat-small')).toBeVisible()

  await question.getByRole('button', { name: 'Replace', exact: true }).click()
  await expect(datasets.row('flat-small')).toHaveCount(0)
  const orphans = page.getByRole('region', { name: /Orphaned spans/ })
  await expect(orphans).toContainText('fs-plain')
  await expect(orphans).toContainText('Add')
  expect(await storedRows(page, 'annotations')).toHaveLength(1)
})
