import type { Page } from '@playwright/test'
import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { DatasetsPage } from './pages/datasets-page'
import { storedRows } from './stored'

interface StoredTrace {
  id: string
  key: string
  tags: string[]
}
interface StoredSpan {
  traceId: string
  start: number
  end: number
  quote: string
  label: string
  annotator: string
  note: string
}

/** Spans by trace key, as [quote, label, annotator, note]. */
async function spansByKey(page: Page) {
  const traces = await storedRows<StoredTrace>(page, 'traces')
  const keyOf = new Map(traces.map((t) => [t.id, t.key]))
  const texts = await storedRows<{ traceId: string; reasoning: string }>(page, 'texts')
  const textOf = new Map(texts.map((t) => [t.traceId, t.reasoning]))
  return (await storedRows<StoredSpan>(page, 'annotations'))
    .map((s) => {
      // Offsets checked against the stored text, not only the quote.
      expect(textOf.get(s.traceId)!.slice(s.start, s.end)).toBe(s.quote)
      return [keyOf.get(s.traceId), s.quote, s.label, s.annotator, s.note]
    })
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
}

test('a colleague’s doccano and Label Studio annotations go onto the same traces', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 6)

  // doccano JSONL: no annotator in the file, so the file's name is the annotator.
  await datasets.previewFile(resolve(OWN_FIXTURES, 'colleague-bo.jsonl'))
  await expect(page.getByTestId('tracemark-summary')).toHaveText(
    'doccano export: 2 traces, 4 spans, 0 relations',
  )
  await expect(
    page.getByRole('radio', { name: /Add the file’s annotations onto them/ }),
  ).toBeChecked()
  await datasets.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByText(/2 existing traces received the file’s annotations/)).toBeVisible()
  await page.getByRole('button', { name: 'OK' }).click()

  // Label Studio JSON: the annotator is the task's completed_by, a note and a choice come along.
  await datasets.previewFile(resolve(OWN_FIXTURES, 'colleague-cy.json'))
  await expect(page.getByTestId('tracemark-summary')).toHaveText(
    'Label Studio export: 2 traces, 3 spans, 1 relations',
  )
  await datasets.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByText(/2 existing traces received the file’s annotations/)).toBeVisible()
  await page.getByRole('button', { name: 'OK' }).click()

  // Still one dataset: the annotations went onto its traces.
  expect((await storedRows(page, 'datasets')).length).toBe(1)
  expect(await spansByKey(page)).toEqual(
    [
      ['fs-emoji', 'Wait', 'realization', 'colleague-bo', ''],
      ['fs-emoji', 'let me check', 'verification', 'colleague-bo', ''],
      ['fs-chinese', '让我再检查一下', 'verification', 'colleague-bo', ''],
      ['fs-chinese', 'Alternatively', 'exploration', 'colleague-bo', ''],
      ['fs-emoji', 'Wait', 'realization', 'cy@example.org', 'after the emoji'],
      ['fs-chinese', '让我再检查一下', 'verification', 'cy@example.org', ''],
      ['fs-chinese', '不是 170', 'backtrack', 'cy@example.org', ''],
    ].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
  )
  expect((await storedRows(page, 'relations')).length).toBe(1)
})

test('a colleague’s file with a span whose text does not match names the line and field', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  const bad = JSON.stringify({
    data: { text: 'Wait, 中文.' },
    annotations: [
      {
        result: [
          { type: 'labels', value: { start: 6, end: 8, text: '英文', labels: ['realization'] } },
        ],
      },
    ],
  })
  await page.getByLabel('Choose a trace file to import').setInputFiles({
    name: 'bad-ls.json',
    mimeType: 'application/json',
    buffer: Buffer.from(`[${bad}]`),
  })
  await expect(
    page
      .getByRole('alert')
      .or(page.getByRole('status'))
      .getByText(
        /annotations\[0\]\.result\[0\]\.value: offsets 6\.\.8 select "中文", not the span's text "英文"/,
      )
      .first(),
  ).toBeVisible()
  expect((await storedRows(page, 'traces')).length).toBe(0)
})
