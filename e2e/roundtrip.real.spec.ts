import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, hasRealFixtures, REAL_FIXTURES, REAL_SKIP_REASON, test } from './test'
import { setAnnotator } from './pages/annotator'
import { DatasetsPage } from './pages/datasets-page'
import { ReaderPage } from './pages/reader-page'
import { storedRows } from './stored'

/** The SkyThought file whose traces switch into Chinese mid-way (30 traces). */
const NAME = 'skythought_sky-t1-math-reflection-1.0-32b_aime24'
const CJK = '利益相关者参与'

interface StoredTrace {
  id: string
  key: string
  tags: string[]
  status: string
  problemHash: string
}
interface StoredSpan {
  traceId: string
  start: number
  end: number
  label: string
  quote: string
  annotator: string
}

/** What must survive the round trip, by trace key: the spans, tags and status. */
async function labelledState(page: Page) {
  const traces = await storedRows<StoredTrace>(page, 'traces')
  const keyOf = new Map(traces.map((t) => [t.id, t.key]))
  const spans = (await storedRows<StoredSpan>(page, 'annotations'))
    .map((s) => ({
      key: keyOf.get(s.traceId),
      start: s.start,
      end: s.end,
      label: s.label,
      text: s.quote,
      annotator: s.annotator,
    }))
    .sort((a, b) => a.start - b.start)
  const rows = traces
    .map((t) => ({ key: t.key, tags: t.tags, status: t.status, problemHash: t.problemHash }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
  return { rows, spans }
}

/** A store's rows, raw, in key order. */
async function rawDump(page: Page, store: string): Promise<unknown[]> {
  const rows = await storedRows<Record<string, unknown>>(page, store)
  const key = store === 'texts' ? 'traceId' : 'id'
  return rows.sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1))
}

test.describe('a labelled set leaves and comes back', () => {
  test.skip(!hasRealFixtures, REAL_SKIP_REASON)

  test('label real traces, export Tracemark JSONL, import it into a fresh profile: all comes back', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000)
    // The export dialog downloads where the browser has no File System Access picker.
    await page.addInitScript(() => {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker
    })
    const datasets = new DatasetsPage(page)
    await datasets.goto()
    await datasets.importFile(resolve(REAL_FIXTURES, `${NAME}.jsonl`), 30)

    const texts = await storedRows<{ traceId: string; reasoning: string }>(page, 'texts')
    const target = texts.find((t) => t.reasoning.includes(CJK))!
    expect(target).toBeDefined()
    await page.goto(`./#/traces/${target.traceId}`)
    const reader = new ReaderPage(page)
    await expect(reader.spans()).toHaveCount(0)
    await setAnnotator(page, 'ana 🦊')

    // Three spans, labelled by keyboard: one over CJK text, one over a pivot, one over a step.
    const text = target.reasoning
    const cjk = text.indexOf(CJK)
    const alternatively = text.indexOf('Alternatively')
    const wait = text.indexOf('Wait')
    for (const [start, length, key] of [
      [cjk, CJK.length, '3'],
      [alternatively, 'Alternatively'.length, '3'],
      [wait, 4, '1'],
    ] as const) {
      expect(start).toBeGreaterThan(-1)
      await reader.selectText('reasoning', start, start + length)
      await page.keyboard.press(key)
    }
    await expect(reader.spans()).toHaveCount(3)

    // Trace level, through the reader's keys: d marks it done, t 1 tags it with the first trace
    // label, m writes a note.
    const stored = async () =>
      (await storedRows<StoredTrace & { note?: string }>(page, 'traces')).find(
        (t) => t.id === target.traceId,
      )!
    await page.keyboard.press('d')
    await expect.poll(async () => (await stored()).status).toBe('done')
    await page.keyboard.press('t')
    await page.keyboard.press('1')
    await expect.poll(async () => (await stored()).tags.length).toBe(1)
    await page.keyboard.press('m')
    await page.keyboard.type('利益 🦊 note')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await stored()).note).toBe('利益 🦊 note')

    const before = await labelledState(page)
    expect(before.spans.map((s) => s.text)).toEqual(
      ['Wait', 'Alternatively', CJK].sort((a, b) => text.indexOf(a) - text.indexOf(b)),
    )
    expect(before.spans.every((s) => s.annotator === 'ana 🦊')).toBe(true)

    const beforeDump: Record<string, unknown[]> = {}
    for (const store of ['datasets', 'traces', 'texts', 'annotations', 'relations']) {
      beforeDump[store] = await rawDump(page, store)
    }
    expect((beforeDump.traces as { truncated?: boolean }[]).some((t) => 'truncated' in t)).toBe(
      true,
    )

    await page.getByRole('link', { name: 'Datasets' }).click()
    const download = await datasets.exportJsonl(NAME)
    const file = await download.path()

    // The same set for spaCy: offsets in code points, each span with its text.
    const row = datasets.row(NAME)
    await row.getByText('Other formats…').click()
    await row.getByRole('combobox', { name: `Export format for ${NAME}` }).selectOption('spacy')
    await expect(row.getByText('This format drops:')).toBeVisible()
    const spacyDownload = page.waitForEvent('download')
    await row.getByRole('button', { name: `Export ${NAME} as spaCy / Prodigy spans JSONL` }).click()
    const spacyLines = readFileSync(await (await spacyDownload).path(), 'utf8')
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { text: string; spans: { start: number; end: number; text: string }[] },
      )
    const labelled = spacyLines.flatMap((l) =>
      l.spans.map((s) => [...l.text].slice(s.start, s.end).join('') === s.text),
    )
    expect(labelled).toEqual([true, true, true])

    // A fresh profile: a new browser context has its own, empty IndexedDB.
    const context = await browser.newContext()
    const fresh = await context.newPage()
    const errors: string[] = []
    fresh.on('pageerror', (e) => errors.push(e.message))
    fresh.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    const other = new DatasetsPage(fresh)
    await other.goto()
    await other.previewFile(file)
    await expect(fresh.getByTestId('tracemark-summary')).toHaveText(
      'Tracemark export: 30 traces, 3 spans, 0 relations',
    )
    await other.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
    await expect(fresh.getByText(/^Restored 30 traces, 3 spans and 0 relations/)).toBeVisible({
      timeout: 30_000,
    })
    await fresh.getByRole('button', { name: 'OK' }).click()
    await expect(other.row(NAME)).toBeVisible()

    const after = await labelledState(fresh)
    expect(after).toEqual(before)
    // And every stored field of every row, raw: the export leaves nothing out.
    for (const store of ['datasets', 'traces', 'texts', 'annotations', 'relations']) {
      expect(await rawDump(fresh, store), store).toEqual(beforeDump[store])
    }
    // The reader shows the restored spans where they were.
    await fresh.goto(`./#/traces/${target.traceId}`)
    await expect(new ReaderPage(fresh).spans()).toHaveCount(3)
    expect(errors).toEqual([])
    await context.close()
  })
})
