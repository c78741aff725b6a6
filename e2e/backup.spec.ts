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
    const ask = other.getByRole('alertdialog', { name: 'Restore onto existing work?' })
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

/** Writes rows into a store of the app's database, raw (no app code). */
async function putRaw(page: Page, store: string, rows: unknown[]) {
  await page.evaluate(
    async ([name, list]) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('tracemark')
        req.onsuccess = () => ok(req.result)
        req.onerror = () => fail(req.error)
      })
      const tx = db.transaction(name, 'readwrite')
      for (const row of list) tx.objectStore(name).put(row)
      await new Promise<void>((ok, fail) => {
        tx.oncomplete = () => ok()
        tx.onerror = () => fail(tx.error)
      })
      db.close()
    },
    [store, rows] as const,
  )
}

/** A span row on a trace, as the annotate screen stores it. */
const span = (id: string, traceId: string, annotator: string, start: number, end: number) => ({
  id,
  traceId,
  field: 'reasoning',
  start,
  end,
  quote: '',
  label: 'realization',
  note: '',
  annotator,
  origin: 'manual',
  rejected: false,
  createdAt: 1,
  updatedAt: 1,
})

test("restore onto existing work: a colleague's spans join the same traces, nothing twice", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000)
  // Ana's profile: the fixture with her span on the first trace, backed up.
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(FILE, 6)
  const anaTraces = await storedRows<{ id: string; key: string }>(page, 'traces')
  const first = anaTraces.find((t) => t.key === 'fs-plain')!
  await putRaw(page, 'annotations', [{ ...span('ana-1', first.id, 'ana', 0, 4), quote: 'Wait' }])
  await putRaw(page, 'prefs', [{ key: 'annotator', value: 'ana' }])
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Back up everything' }).click()
  const zipPath = testInfo.outputPath('ana.zip')
  await (await download).saveAs(zipPath)

  // Bo's profile: the same file imported on its own (another dataset id), his own span.
  const context = await browser.newContext()
  try {
    const bo = await context.newPage()
    const errors: string[] = []
    bo.on('pageerror', (e) => errors.push(e.message))
    const boDatasets = new DatasetsPage(bo)
    await boDatasets.goto()
    await boDatasets.importFile(FILE, 6)
    const boTraces = await storedRows<{ id: string; key: string; datasetId: string }>(bo, 'traces')
    const boFirst = boTraces.find((t) => t.key === 'fs-plain')!
    expect(boFirst.datasetId).not.toBe(first.id.split(':')[0])
    await putRaw(bo, 'annotations', [{ ...span('bo-1', boFirst.id, 'bo', 0, 4), quote: 'Wait' }])
    await putRaw(bo, 'prefs', [{ key: 'annotator', value: 'bo' }])

    await bo.getByLabel('Restore a backup').setInputFiles(zipPath)
    const ask = bo.getByRole('alertdialog', { name: 'Restore onto existing work?' })
    await ask.getByRole('button', { name: 'Add onto what is here' }).click()
    await expect(bo.getByText(/^Added from ana\.zip: 0 datasets, 0 traces, 1 spans/)).toBeVisible()
    // One dataset still; Ana's span is on Bo's trace beside his, with her name and id.
    expect(await storedRows(bo, 'datasets')).toHaveLength(1)
    expect(await storedRows(bo, 'traces')).toHaveLength(6)
    const spans = await storedRows<{ id: string; traceId: string; annotator: string }>(
      bo,
      'annotations',
    )
    expect(spans.map((s) => [s.id, s.traceId, s.annotator]).sort()).toEqual([
      ['ana-1', boFirst.id, 'ana'],
      ['bo-1', boFirst.id, 'bo'],
    ])
    // Bo's annotator name stays.
    const prefs = await storedRows<{ key: string; value: unknown }>(bo, 'prefs')
    expect(prefs.find((p) => p.key === 'annotator')!.value).toBe('bo')

    // The same backup again adds nothing at all.
    const before = await dumpDatabase(bo)
    await bo.getByLabel('Restore a backup').setInputFiles(zipPath)
    await ask.getByRole('button', { name: 'Add onto what is here' }).click()
    await expect(
      bo.getByText(/^Added from ana\.zip: 0 datasets, 0 traces, 0 spans \(1 already here\)/),
    ).toBeVisible()
    expect(await dumpDatabase(bo)).toBe(before)
    expect(errors).toEqual([])
  } finally {
    await context.close()
  }
})

test('a restore cancelled while it writes leaves every table as it was', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000)
  // A backup big enough that its write takes a while: 8,000 undo-log rows of 2 kB beside the
  // fixture (the undo log is a table like any other to the restore).
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(FILE, 6)
  const filler = '思考 🧠 '.repeat(250)
  for (let part = 0; part < 4; part++) {
    await putRaw(
      page,
      'history',
      Array.from({ length: 2000 }, (_, i) => ({
        id: `h-${part}-${i}`,
        traceId: `none:${part}`,
        seq: i,
        what: filler,
        undone: false,
        spans: [],
        relations: [],
      })),
    )
  }
  const download = page.waitForEvent('download', { timeout: 120_000 })
  await page.getByRole('button', { name: 'Back up everything' }).click()
  const zipPath = testInfo.outputPath('big.zip')
  await (await download).saveAs(zipPath)

  const context = await browser.newContext()
  try {
    const other = await context.newPage()
    const errors: string[] = []
    other.on('pageerror', (e) => errors.push(e.message))
    const otherDatasets = new DatasetsPage(other)
    await otherDatasets.goto()
    await otherDatasets.importFile(resolve(OWN_FIXTURES, 'pair-a.jsonl'))
    const before = await dumpDatabase(other)

    await other.getByLabel('Restore a backup').setInputFiles(zipPath)
    await other
      .getByRole('alertdialog', { name: 'Restore onto existing work?' })
      .getByRole('button', { name: 'Replace everything' })
      .click()
    // Mid-write: rows of the transaction are written, the transaction not yet committed.
    const line = other.getByRole('status').filter({ hasText: /Restoring, writing/ })
    await expect(line).toHaveText(/writing [1-9][\d,]* \//, { timeout: 60_000 })
    await line.getByRole('button', { name: 'Cancel' }).click()
    await expect(other.getByText('Restore cancelled: nothing was changed.')).toBeVisible()
    expect(await dumpDatabase(other)).toBe(before)
    await expect(otherDatasets.row('pair-a')).toBeVisible()
    expect(errors).toEqual([])
  } finally {
    await context.close()
  }
})
