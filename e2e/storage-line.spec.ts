import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { DatasetsPage } from './pages/datasets-page'

/**
 * Issue #12, point 4: the storage line is re-read after imports and deletes and when the tab is
 * shown again (it said "0 B used" forever), and persistent storage is requested at the first
 * import, with the browser's answer shown.
 */
test('the storage line follows imports, deletes and tab visits; persistence is asked at import', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const counts = { persist: 0, estimate: 0 }
    ;(window as unknown as { storageCalls: typeof counts }).storageCalls = counts
    const { persist, estimate } = StorageManager.prototype
    StorageManager.prototype.persist = function () {
      counts.persist += 1
      return persist.call(this)
    }
    StorageManager.prototype.estimate = function () {
      counts.estimate += 1
      return estimate.call(this)
    }
  })
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  const line = page.getByTestId('storage-line')
  await expect(line).toContainText(/^Browser storage: .+ used of about .+ available/)
  const calls = (what: 'persist' | 'estimate' = 'persist') =>
    page.evaluate(
      (w) => (window as unknown as { storageCalls: Record<string, number> }).storageCalls[w] ?? -1,
      what,
    )
  expect(await calls()).toBe(0)
  const usage = async () => (await line.textContent())!.match(/storage: (.+?) used/)![1]!

  const empty = await usage()
  await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 6)
  await expect.poll(usage).not.toBe(empty)
  expect(await calls()).toBe(1)
  const persisted = await page.evaluate(() => navigator.storage.persisted())
  await expect(line).toContainText(persisted ? 'Persistent: the browser keeps' : 'Not persistent')

  // Data written behind the page's back shows when the tab is shown again.
  const imported = await usage()
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const req = indexedDB.open('tracemark')
      req.onsuccess = () => ok(req.result)
    })
    const bytes = crypto.getRandomValues(new Uint8Array(60_000))
    const value = Array.from({ length: 20 }, () => btoa(String.fromCharCode(...bytes))).join('')
    const tx = db.transaction('prefs', 'readwrite')
    tx.objectStore('prefs').put({ key: 'e2e.ballast', value })
    await new Promise((ok) => (tx.oncomplete = ok))
    db.close()
    document.dispatchEvent(new Event('visibilitychange'))
  })
  await expect.poll(usage).not.toBe(imported)

  // A delete is followed too: the figures are read again (the browser may free the space later).
  const reads = await calls('estimate')
  page.once('dialog', (d) => void d.accept())
  await page.getByRole('button', { name: 'Delete flat-small' }).click()
  await expect(datasets.row('flat-small')).toHaveCount(0)
  await expect.poll(() => calls('estimate')).toBeGreaterThan(reads)
})
