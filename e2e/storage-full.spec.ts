import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { DatasetsPage } from './pages/datasets-page'
import { storedCounts } from './stored'

/**
 * Issue #12, point 4: storage full said plainly. Chromium's own quota is lowered for the page's
 * origin (DevTools protocol), so the import meets a real QuotaExceededError from IndexedDB.
 */
test.setTimeout(120_000)

test('storage full: the message gives the estimate against what is left, and offers deletes', async ({
  page,
  baseURL,
}) => {
  // Set before the origin opens its storage: about 1 MB, room for the small dataset only.
  const origin = new URL(baseURL!).origin
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1024 * 1024 })
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 6)

  // Random text: IndexedDB compresses what it stores, so repeated text would fit.
  const body = Array.from({ length: 600 }, (_, i) =>
    JSON.stringify({
      id: `big-${i}`,
      question: `Q${i}?`,
      reasoning: `Wait. ${randomBytes(3600).toString('base64')}`,
      answer: '1',
    }),
  ).join('\n')
  await datasets.fileInput().setInputFiles({
    name: 'big.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(body),
  })
  await datasets.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'Import failed' })
  await expect(alert).toContainText(
    /Browser storage is full: importing big\.jsonl needs about 2\.\d MB \(an estimate from the file's size\), and about .+ is left \(.+ used of about .+\)\. Nothing of this import was kept\. Delete datasets you no longer need, then import again\./,
    { timeout: 30_000 },
  )
  // (Chromium's estimate() does not show the lowered quota, so the figures are its usual ones.)
  await expect(page.getByText('QuotaExceededError')).toHaveCount(0)
  await expect.poll(() => storedCounts(page)).toEqual({ datasets: 1, traces: 6, texts: 6 })

  // The offer: delete a dataset from the message, after a confirmation.
  page.once('dialog', (d) => void d.accept())
  await alert.getByRole('button', { name: 'Delete flat-small to free space' }).click()
  await expect.poll(() => storedCounts(page)).toEqual({ datasets: 0, traces: 0, texts: 0 })
  await cdp.send('Storage.overrideQuotaForOrigin', { origin })
})
