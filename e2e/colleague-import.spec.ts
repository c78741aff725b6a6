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

test('agreement between two colleagues: figures, disagreements, and accepting one side', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 6)
  for (const file of ['colleague-bo.jsonl', 'colleague-cy.json']) {
    await datasets.previewFile(resolve(OWN_FIXTURES, file))
    await datasets.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
    await expect(page.getByText(/2 existing traces received the file’s annotations/)).toBeVisible()
    await page.getByRole('button', { name: 'OK' }).click()
  }
  await datasets.open('flat-small')
  await page.getByRole('link', { name: 'Agreement' }).click()
  await expect(page.getByRole('heading', { name: 'Agreement', level: 1 })).toBeVisible()
  // colleague-bo is the reference: 4 spans; cy@example.org has 3, 2 of them the same (exact).
  // Overall: precision 2/3, recall 2/4, F1 4/7.
  const overall = page
    .getByRole('table', { name: 'Span agreement by label' })
    .getByRole('row', { name: /^overall/ })
  await expect(overall).toHaveText('overall0.6670.5000.571212')
  await expect(page.getByTestId('kappa')).toContainText('token units')
  await expect(page.getByTestId('kappa')).toContainText('Cohen’s kappa 0.')
  await expect(page.getByTestId('disagreement')).toHaveCount(3)
  // Overlap matching changes nothing here: the disputed spans share no text.
  await page.getByRole('combobox', { name: 'Span matching' }).selectOption('overlap')
  await expect(page.getByTestId('disagreement')).toHaveCount(3)

  const backtrack = page.getByTestId('disagreement').filter({ hasText: '不是 170' })
  await backtrack.getByRole('button', { name: 'Accept cy@example.org’s span' }).click()
  await expect(backtrack.getByRole('button', { name: 'Accepted' })).toBeDisabled()
  await expect
    .poll(async () =>
      (
        await storedRows<{ annotator: string; quote: string; attributes?: Record<string, string> }>(
          page,
          'annotations',
        )
      ).filter((a) => a.annotator === 'adjudicated'),
    )
    .toEqual([
      expect.objectContaining({
        quote: '不是 170',
        attributes: expect.objectContaining({
          adjudicatedBy: 'anonymous',
          acceptedFrom: 'cy@example.org',
        }),
      }),
    ])
  // A disagreement opens the trace at the span.
  await page.getByTestId('disagreement').first().getByRole('link').click()
  await expect(page.getByRole('heading', { name: /^Trace fs-/, level: 1 })).toBeVisible()
})
