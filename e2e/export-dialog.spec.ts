import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, OWN_FIXTURES, test } from './test'
import { DatasetsPage } from './pages/datasets-page'
import { ReaderPage } from './pages/reader-page'
import { TracesPage } from './pages/traces-page'
import { storedRows } from './stored'

const FILE = resolve(OWN_FIXTURES, 'flat-small.jsonl')

/** Lines of a downloaded JSONL file, parsed. */
const jsonLines = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { trace: { key: string }; spans: { annotator: string }[] })

/** Sets a stored trace's status and tags in raw IndexedDB (no UI for them yet). */
async function setTrace(page: Page, key: string, change: { status?: string; tags?: string[] }) {
  const traces = await storedRows<{ id: string; key: string }>(page, 'traces')
  const id = traces.find((t) => t.key === key)!.id
  await page.evaluate(
    async ([traceId, patch]) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('tracemark')
        req.onsuccess = () => ok(req.result)
        req.onerror = () => fail(req.error)
      })
      await new Promise<void>((ok, fail) => {
        const store = db.transaction('traces', 'readwrite').objectStore('traces')
        const req = store.get(traceId)
        req.onsuccess = () => {
          store.put({ ...req.result, ...patch })
          store.transaction.oncomplete = () => ok()
          store.transaction.onerror = () => fail(store.transaction.error)
        }
      })
      db.close()
    },
    [id, change] as const,
  )
}

test.describe('the export dialog, downloading (no File System Access picker)', () => {
  test.beforeEach(async ({ page }) => {
    // Headless Chromium may not show the picker: take it away, so the download path is used.
    await page.addInitScript(() => {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker
    })
  })

  test('from the reader, one trace; from the datasets list, filtered by status and tag', async ({
    page,
  }) => {
    const datasets = new DatasetsPage(page)
    await datasets.goto()
    await datasets.importFile(FILE, 6)
    await setTrace(page, 'fs-chinese', { status: 'done', tags: ['cjk'] })
    await setTrace(page, 'fs-emoji', { status: 'done' })

    // The reader: the dialog exports the one trace it shows.
    await datasets.open('flat-small')
    await new TracesPage(page).open('fs-emoji')
    await new ReaderPage(page).expectOpen('fs-emoji')
    await page.getByText('Export…').click()
    const dialog = page.getByRole('group', { name: 'Export trace fs-emoji' })
    await expect(dialog.getByText('The file is downloaded.')).toBeVisible()
    await dialog
      .getByRole('combobox', { name: 'Export format for trace fs-emoji' })
      .selectOption('tracemark')
    await expect(dialog.getByText('This format drops:')).toHaveCount(0)
    let download = page.waitForEvent('download')
    await dialog.getByRole('button', { name: /^Export trace fs-emoji as Tracemark JSONL/ }).click()
    expect(jsonLines(await (await download).path()).map((l) => l.trace.key)).toEqual(['fs-emoji'])

    // The datasets list: status done, then also tagged "cjk".
    await page.getByRole('link', { name: 'Datasets' }).click()
    await datasets.row('flat-small').getByText('Other formats…').click()
    const row = page.getByRole('group', { name: 'Export flat-small' })
    await row
      .getByRole('combobox', { name: 'Export format for flat-small' })
      .selectOption('tracemark')
    await row.getByText(/^Filter/).click()
    await row.getByRole('checkbox', { name: 'done' }).check()
    await expect(row.getByText('Filter: status done')).toBeVisible()
    download = page.waitForEvent('download')
    await row.getByRole('button', { name: /^Export flat-small as Tracemark JSONL/ }).click()
    expect(
      jsonLines(await (await download).path())
        .map((l) => l.trace.key)
        .sort(),
    ).toEqual(['fs-chinese', 'fs-emoji'])
    await row.getByRole('textbox', { name: 'Export only traces with these tags' }).fill('cjk')
    await expect(row.getByText('Filter: status done; tagged cjk')).toBeVisible()
    // A lossy target says what it drops before anything is written.
    await row
      .getByRole('combobox', { name: 'Export format for flat-small' })
      .selectOption('doccano')
    await expect(row.getByText('This format drops:')).toBeVisible()
    download = page.waitForEvent('download')
    await row.getByRole('button', { name: /^Export flat-small as doccano/ }).click()
    const doccano = readFileSync(await (await download).path(), 'utf8')
      .trim()
      .split('\n')
    expect(doccano).toHaveLength(1)
    expect(JSON.parse(doccano[0]!).text).toContain('计算')
  })

  test('from the traces table: the traces the current search shows', async ({ page }) => {
    const datasets = new DatasetsPage(page)
    await datasets.goto()
    await datasets.importFile(FILE, 6)
    await datasets.open('flat-small')
    const traces = new TracesPage(page)
    await traces.select('fs-plain')
    await page
      .getByRole('searchbox', { name: 'Search problems and reasoning' })
      .fill('Alternatively')
    await expect(traces.count()).toHaveText(/^[1-5] of 6 traces$/)
    const shown = Number((await traces.count().textContent())!.split(' ')[0])
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(6)
    await page.getByText('Export…').click()
    const dialog = page.getByRole('group', { name: 'Export traces' })
    await expect(dialog.getByRole('radio', { name: 'Selected traces (1)' })).toBeChecked()
    await dialog
      .getByRole('radio', { name: `Traces shown by the current filter (${shown})` })
      .check()
    await dialog
      .getByRole('combobox', { name: 'Export format for traces' })
      .selectOption('tracemark')
    const download = page.waitForEvent('download')
    await dialog.getByRole('button', { name: /^Export traces as Tracemark JSONL/ }).click()
    const lines = jsonLines(await (await download).path())
    expect(lines).toHaveLength(shown)
    expect(lines.every((l) => JSON.stringify(l).includes('Alternatively'))).toBe(true)
  })
})

test('with the File System Access API, the export is streamed into the picked file', async ({
  page,
}) => {
  // A stand-in picker: the file it "picks" collects what the app writes into its stream.
  await page.addInitScript(() => {
    const w = window as unknown as {
      showSaveFilePicker: (o: { suggestedName: string }) => Promise<unknown>
      savedFile: { name: string; chunks: number; text: string; closed: boolean }
    }
    w.showSaveFilePicker = (options) =>
      Promise.resolve({
        createWritable: () => {
          const saved = { name: options.suggestedName, chunks: 0, text: '', closed: false }
          w.savedFile = saved
          const decoder = new TextDecoder()
          return Promise.resolve(
            new WritableStream<Uint8Array>({
              write(chunk) {
                saved.chunks += 1
                saved.text += decoder.decode(chunk, { stream: true })
              },
              close() {
                saved.closed = true
              },
            }),
          )
        },
      })
  })
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(FILE, 6)
  const row = datasets.row('flat-small')
  await row.getByText('Other formats…').click()
  await expect(row.getByRole('checkbox', { name: /Choose where to save/ })).toBeChecked()
  await row.getByRole('combobox', { name: 'Export format for flat-small' }).selectOption('spacy')
  let downloaded = false
  page.on('download', () => (downloaded = true))
  await row.getByRole('button', { name: /^Export flat-small as spaCy/ }).click()
  await expect
    .poll(() =>
      page.evaluate(
        () => (window as unknown as { savedFile?: { closed: boolean } }).savedFile?.closed,
      ),
    )
    .toBe(true)
  const saved = await page.evaluate(
    () => (window as unknown as { savedFile: { name: string; text: string } }).savedFile,
  )
  expect(saved.name).toMatch(/^tracemark-flat-small-\d{4}-\d\d-\d\d\.jsonl$/)
  expect(saved.text.trim().split('\n')).toHaveLength(6)
  expect(downloaded).toBe(false)
})

test('a picked file takes the export page by page; Cancel aborts it, keeping nothing', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000)
  // 1,100 traces: three pages of the export worker (500 each).
  const path = testInfo.outputPath('many.jsonl')
  writeFileSync(
    path,
    Array.from({ length: 1100 }, (_, i) =>
      JSON.stringify({
        id: `m-${String(i + 1).padStart(4, '0')}`,
        problem: `Problem ${i}`,
        reasoning: `Wait, ${i} is even. Alternatively 😀 计算 ${i}.`,
        answer: String(i),
      }),
    ).join('\n'),
  )
  // A stand-in picker whose file records every write, and can hold the second write back (as a
  // slow disk would) until released; an abort reaches it through the stream's signal at once.
  await page.addInitScript(() => {
    interface Saved {
      chunks: number
      text: string
      closed: boolean
      aborted: boolean
      holdSecond: boolean
      release?: () => void
    }
    const w = window as unknown as {
      showSaveFilePicker: () => Promise<unknown>
      saved: Saved[]
      holdSecond: boolean
    }
    w.saved = []
    w.holdSecond = true
    w.showSaveFilePicker = () =>
      Promise.resolve({
        createWritable: () => {
          const saved: Saved = {
            chunks: 0,
            text: '',
            closed: false,
            aborted: false,
            holdSecond: w.holdSecond,
          }
          w.saved.push(saved)
          const decoder = new TextDecoder()
          return Promise.resolve(
            new WritableStream<Uint8Array>({
              async write(chunk, controller) {
                if (saved.holdSecond && saved.chunks === 1) {
                  await new Promise<void>((ok, fail) => {
                    saved.release = ok
                    controller.signal.addEventListener('abort', () => fail(new Error('aborted')))
                  })
                }
                saved.chunks += 1
                saved.text += decoder.decode(chunk, { stream: true })
              },
              close() {
                saved.closed = true
              },
              abort() {
                saved.aborted = true
              },
            }),
          )
        },
      })
  })
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(path, 1100)
  const row = datasets.row('many')
  await row.getByText('Other formats…').click()
  await row.getByRole('combobox', { name: 'Export format for many' }).selectOption('tracemark')
  let downloaded = false
  page.on('download', () => (downloaded = true))
  const saved = () =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            saved: { chunks: number; text: string; closed: boolean; aborted: boolean }[]
          }
        ).saved,
    )

  // The first page is in the file while the export still runs (the second write is held).
  await row.getByRole('button', { name: /^Export many as Tracemark JSONL \(/ }).click()
  await expect(row.getByRole('status')).toContainText('500 / 1,100')
  await expect.poll(async () => (await saved())[0]?.chunks).toBe(1)
  expect((await saved())[0]!.text.trim().split('\n')).toHaveLength(500)
  await row.getByRole('button', { name: 'Cancel' }).click()
  await expect.poll(async () => (await saved())[0]?.aborted).toBe(true)
  expect((await saved())[0]!.closed).toBe(false)
  await expect(
    row.getByRole('button', { name: /^Export many as Tracemark JSONL \(/ }),
  ).toBeEnabled()

  // Again, nothing held: three parts, the whole file, closed.
  await page.evaluate(() => ((window as unknown as { holdSecond: boolean }).holdSecond = false))
  await row.getByRole('button', { name: /^Export many as Tracemark JSONL \(/ }).click()
  await expect.poll(async () => (await saved())[1]?.closed).toBe(true)
  const file = (await saved())[1]!
  expect(file.chunks).toBe(3)
  expect(file.aborted).toBe(false)
  const keys = file.text
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { trace: { key: string } }).trace.key)
  expect(keys).toHaveLength(1100)
  expect(keys[0]).toBe('m-0001')
  expect(keys.at(-1)).toBe('m-1100')
  expect(downloaded).toBe(false)
})
