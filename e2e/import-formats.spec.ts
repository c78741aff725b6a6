import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { parquetWriteBuffer } from 'hyparquet-writer'
import Papa from 'papaparse'
import { expect, OWN_FIXTURES, test } from './test'
import { setAnnotator } from './pages/annotator'
import { DatasetsPage } from './pages/datasets-page'
import { ReaderPage } from './pages/reader-page'
import { TracesPage } from './pages/traces-page'
import { storedRows } from './stored'

interface Row {
  id: string
  question: string
  reasoning: string
  answer: string
  model: string
}

/** The project's own six traces, written in every format the import reads. */
const rows: Row[] = readFileSync(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Row)
const jsonl = rows.map((r) => JSON.stringify(r)).join('\n')

const FORMATS: [string, () => Buffer | string][] = [
  ['flat-small.json', () => JSON.stringify(rows)],
  ['flat-small-keyed.json', () => JSON.stringify(Object.fromEntries(rows.map((r) => [r.id, r])))],
  ['flat-small.csv', () => Papa.unparse(rows)],
  ['flat-small.tsv', () => Papa.unparse(rows, { delimiter: '\t' })],
  ['flat-small.jsonl.gz', () => gzipSync(jsonl)],
  [
    'flat-small.parquet',
    () =>
      Buffer.from(
        parquetWriteBuffer({
          columnData: (['id', 'question', 'reasoning', 'answer', 'model'] as const).map((name) => ({
            name,
            data: rows.map((r) => r[name]),
            type: 'STRING' as const,
          })),
        }),
      ),
  ],
  [
    'flat-small-chat.jsonl',
    () =>
      rows
        .map((r) =>
          JSON.stringify({
            id: r.id,
            messages: [
              { role: 'user', content: r.question },
              { role: 'assistant', content: `<think>${r.reasoning}</think>${r.answer}` },
            ],
          }),
        )
        .join('\n'),
  ],
]

test.describe('every format and shape imports the same traces', () => {
  for (const [name, make] of FORMATS) {
    test(name, async ({ page }, info) => {
      const path = info.outputPath(name)
      writeFileSync(path, make())
      const datasets = new DatasetsPage(page)
      await datasets.goto()
      await datasets.importFile(path, rows.length)
      const texts = await storedRows<{ reasoning: string; problem: string }>(page, 'texts')
      const normal = (s: string) => s.replace(/\r\n?/g, '\n')
      expect(texts.map((t) => t.reasoning).sort()).toEqual(
        rows.map((r) => normal(r.reasoning)).sort(),
      )
      expect(texts.map((t) => t.problem).sort()).toEqual(rows.map((r) => r.question).sort())
    })
  }
})

test('a shared link #/import?url= opens the preview for that URL', async ({ page }) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  const url = new URL('./demo/demo-traces.jsonl', page.url()).href
  await page.goto(`./#/import?url=${encodeURIComponent(url)}`)
  // A link always asks first (#12).
  await page.getByRole('button', { name: 'Download', exact: true }).click()
  await expect(datasets.previewForm()).toBeVisible()
  await expect(datasets.previewForm()).toContainText('demo-traces.jsonl')
  await datasets.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByText('Imported 12 traces from demo-traces.jsonl')).toBeVisible()
})

test('replacing a dataset keeps annotations on traces whose key is still there', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await setAnnotator(page)
  await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 6)
  await datasets.open('flat-small')
  await new TracesPage(page).open('fs-plain')
  const reader = new ReaderPage(page)
  await reader.selectText('reasoning', 0, 5)
  await page.keyboard.press('1')
  await expect(reader.spans()).toHaveCount(1)

  await page.getByRole('link', { name: 'Datasets' }).click()
  await datasets.previewFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'))
  await datasets.previewForm().getByLabel('Add or replace').selectOption({
    // The name is bidi-isolated (U+2068 … U+2069) like every user-given name in an <option>.
    label: 'replacement of “\u2068flat-small\u2069” (annotations kept where keys match)',
  })
  await datasets.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByText('Imported 6 traces from flat-small.jsonl')).toBeVisible()
  await page.getByRole('button', { name: 'OK' }).click()
  await expect(page.getByTestId('dataset-row')).toHaveCount(1)
  await datasets.open('flat-small')
  await new TracesPage(page).open('fs-plain')
  await expect(reader.spans()).toHaveCount(1)
  // The replaced dataset's rows are removed in the background (#12).
  await expect
    .poll(async () => {
      const rows = await storedRows<{ datasetId: string }>(page, 'traces')
      return new Set(rows.map((t) => t.datasetId)).size
    })
    .toBe(1)
  const traces = await storedRows<{ id: string; datasetId: string }>(page, 'traces')
  const annotations = await storedRows<{ traceId: string }>(page, 'annotations')
  expect(traces.map((t) => t.id)).toContain(annotations[0]!.traceId)
})
