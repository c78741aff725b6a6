import type { Page } from '@playwright/test'
import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { dumpDatabase } from './db-dump'
import { DatasetsPage } from './pages/datasets-page'
import { storedRows } from './stored'

const FILE = resolve(OWN_FIXTURES, 'flat-small.jsonl')

/** Adds rows to tables the UI fills elsewhere (spans, relations, lexicons, prefs, history), raw. */
async function seedExtra(page: Page, traceId: string) {
  await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('tracemark')
      req.onsuccess = () => ok(req.result)
      req.onerror = () => fail(req.error)
    })
    const names = ['annotations', 'relations', 'lexicons', 'prefs', 'history'].filter((n) =>
      db.objectStoreNames.contains(n),
    )
    const tx = db.transaction(names, 'readwrite')
    const put = (store: string, row: unknown) => {
      if (names.includes(store)) tx.objectStore(store).put(row)
    }
    put('annotations', {
      id: 'span-emoji',
      traceId: id,
      label: 'hedge',
      annotator: '李 🙂',
      start: 0,
      end: 2,
      text: '思考',
      createdAt: 1,
      updatedAt: 1,
      score: NaN,
    })
    put('relations', {
      id: 'rel-1',
      traceId: id,
      from: 'span-emoji',
      to: 'span-emoji',
      label: '因',
    })
    put('lexicons', { id: 'lex-1', name: 'mine ✨', terms: ['嗯'] })
    put('prefs', { key: 'backup-test', value: { when: new Date(3), list: [-0, Infinity] } })
    put('history', { id: 'h-1', traceId: id, seq: 1, note: '🧠' })
    await new Promise<void>((ok, fail) => {
      tx.oncomplete = () => ok()
      tx.onerror = () => fail(tx.error)
    })
    db.close()
  }, traceId)
}

test('back up everything, restore into a new profile: every table identical', async ({
  page,
  browser,
}, testInfo) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(FILE, 6)
  const traces = await storedRows<{ id: string }>(page, 'traces')
  await seedExtra(page, traces[0]!.id)
  const before = await dumpDatabase(page)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Back up everything' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^tracemark-backup-.*\.zip$/)
  const zipPath = testInfo.outputPath(file.suggestedFilename())
  await file.saveAs(zipPath)
  // The backup only read: nothing changed.
  expect(await dumpDatabase(page)).toBe(before)

  const fresh = await browser.newContext()
  try {
    const other = await fresh.newPage()
    const errors: string[] = []
    other.on('pageerror', (e) => errors.push(e.message))
    const empty = new DatasetsPage(other)
    await empty.goto()
    expect(await dumpDatabase(other)).not.toBe(before)
    // An empty profile: no question, the restore runs at once.
    await other.getByLabel('Restore a backup').setInputFiles(zipPath)
    await expect(other.getByText(/^Restored [\d,]+ rows from tracemark-backup-/)).toBeVisible()
    await expect(empty.row('flat-small')).toBeVisible()
    expect(await dumpDatabase(other)).toBe(before)

    // A second restore over work asks first; Cancel changes nothing.
    await other.getByLabel('Restore a backup').setInputFiles(zipPath)
    const ask = other.getByRole('alertdialog', { name: 'Replace everything?' })
    await expect(ask).toBeVisible()
    await ask.getByRole('button', { name: 'Cancel' }).click()
    await expect(ask).toBeHidden()
    expect(await dumpDatabase(other)).toBe(before)

    // A zip that is not a backup is refused, naming the file; nothing changes.
    await other.getByLabel('Restore a backup').setInputFiles({
      name: 'other.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from('not a zip at all'),
    })
    await other.getByRole('alertdialog').getByRole('button', { name: 'Replace everything' }).click()
    await expect(
      other.getByRole('alert').filter({ hasText: 'other.zip is not a Tracemark backup' }).first(),
    ).toBeVisible()
    expect(await dumpDatabase(other)).toBe(before)
    expect(errors).toEqual([])
  } finally {
    await fresh.close()
  }
})
