import type { Page } from '@playwright/test'
import { expect, test } from './test'
import { setAnnotator } from './pages/annotator'
import { DatasetsPage } from './pages/datasets-page'
import { LexiconsPage } from './pages/lexicons-page'
import { ReaderPage } from './pages/reader-page'
import { TracesPage } from './pages/traces-page'

/**
 * Every screen that writes tells the user when a write fails (#13): the page's IndexedDB
 * writes are made to throw, as a full disk or a closed database would, and the screen must show
 * the failure as a notice with its reason and a Retry. (Compare and stats write nothing.)
 */
const FAILURE = 'forced failure for the test'

/** From now on every put, add and delete of the page (not of its workers) throws. */
async function breakWrites(page: Page) {
  await page.evaluate((reason) => {
    for (const method of ['put', 'add', 'delete'] as const) {
      IDBObjectStore.prototype[method] = () => {
        throw new DOMException(reason, 'QuotaExceededError')
      }
    }
  }, FAILURE)
}

async function expectFailureNotice(page: Page, what: string) {
  const notice = page.getByTestId('notice').filter({ hasText: `Could not ${what}` })
  await expect(notice).toBeVisible()
  await expect(notice).toContainText(FAILURE)
  await expect(notice.getByRole('button', { name: 'Retry' })).toBeVisible()
}

async function loadDemo(page: Page) {
  await new DatasetsPage(page).goto()
  await page.getByRole('button', { name: 'Load the demo dataset' }).click()
  await expect(page.getByText('Imported 12 traces from demo-traces.jsonl')).toBeVisible()
  await page.getByRole('button', { name: 'OK' }).click()
}

test('datasets: a failed delete is shown, and the dataset stays', async ({ page }) => {
  await loadDemo(page)
  await breakWrites(page)
  page.once('dialog', (d) => void d.accept())
  await page.getByRole('button', { name: 'Delete demo-traces' }).click()
  await expectFailureNotice(page, 'delete the dataset demo-traces')
  await expect(page.getByTestId('dataset-row')).toHaveCount(1)
})

test('reader: a failed span is shown, not silently dropped', async ({ page }) => {
  await loadDemo(page)
  await setAnnotator(page)
  await new DatasetsPage(page).open('demo-traces')
  await new TracesPage(page).open('demo-01')
  const reader = new ReaderPage(page)
  await reader.expectOpen('demo-01')
  await breakWrites(page)
  await reader.selectText('reasoning', 0, 12)
  await page.keyboard.press('1')
  await expectFailureNotice(page, 'label Realization')
  await expect(page.getByTestId('span-item')).toHaveCount(0)
})

test('traces table: a failed column choice is shown', async ({ page }) => {
  await loadDemo(page)
  await new DatasetsPage(page).open('demo-traces')
  const traces = new TracesPage(page)
  await expect(traces.rows()).toHaveCount(12)
  await breakWrites(page)
  const chooser = await traces.openColumns()
  await chooser.getByRole('checkbox').first().click()
  await expectFailureNotice(page, 'save the choice of columns')
})

test('lexicons: a failed copy is shown', async ({ page }) => {
  await new DatasetsPage(page).goto()
  await new LexiconsPage(page).goto()
  await expect(page.getByTestId('lexicon-row').first()).toBeVisible()
  await breakWrites(page)
  await page
    .getByRole('button', { name: /^Copy / })
    .first()
    .click()
  await expectFailureNotice(page, 'copy the lexicon')
})

test('header: a failed annotator name is shown', async ({ page }) => {
  await new DatasetsPage(page).goto()
  // The demo offer shows once the datasets are read, so the new database is open: it writes
  // its taxonomy presets when it is created, and this test is about the annotator's write.
  await expect(page.getByRole('button', { name: 'Load the demo dataset' })).toBeVisible()
  await breakWrites(page)
  const field = page.getByRole('textbox', { name: 'Annotator' })
  await field.fill('ada')
  await field.press('Enter')
  await expectFailureNotice(page, 'save the annotator name')
})
