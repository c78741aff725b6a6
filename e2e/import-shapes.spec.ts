import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { DatasetsPage } from './pages/datasets-page'
import { StatsPage } from './pages/stats-page'
import { TracesPage } from './pages/traces-page'

/** Issue #9: what real files hold, each shape from a fixture written for it (e2e/fixtures/). */

test('nested responses beside a prompt: the responses are the traces, the shape can be chosen', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.previewFile(resolve(OWN_FIXTURES, 'nested-responses.json'))
  const form = datasets.previewForm()
  const shape = form.getByLabel('Record shape')
  await expect(shape.locator('option:checked')).toHaveText(
    'one trace per entry of the object "responses" (detected)',
  )
  await expect(form.getByLabel('Reasoning', { exact: true })).toHaveValue('content')
  // the file's own flags: 4 correct, 2 incorrect, each response its own text
  const preview = form.getByRole('table', { name: 'First traces' })
  await expect(preview.locator('tbody tr')).toHaveCount(6)
  await expect(preview.getByRole('cell', { name: 'q1#0.0', exact: true })).toBeVisible()
  // every other reading of the records is offered, and the detected one comes back
  await shape.selectOption({ label: 'one trace per record' })
  await expect(preview.locator('tbody tr')).toHaveCount(3)
  await shape.selectOption({ index: 0 })
  await expect(preview.locator('tbody tr')).toHaveCount(6)
  await form.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByText('Imported 6 traces from nested-responses.json')).toBeVisible()
})

test('chunks of one trace are rebuilt with their labels as spans', async ({ page }) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(resolve(OWN_FIXTURES, 'chunks_labeled.json'), 1)
  const chunks = JSON.parse(readFileSync(resolve(OWN_FIXTURES, 'chunks_labeled.json'), 'utf8')) as {
    function_tags: string[]
  }[]
  const spans = chunks.reduce((n, c) => n + c.function_tags.length, 0)
  await datasets.open('chunks_labeled')
  const traces = new TracesPage(page)
  await expect(traces.rows()).toHaveCount(1)
  await expect(traces.row('chunks_labeled').locator('td').last()).toHaveText(String(spans))
})

test('multiple-choice answers in gen_ans are judged, and truncated traces are flagged', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.previewFile(resolve(OWN_FIXTURES, 'choice-answers.jsonl'))
  await expect(datasets.previewForm().getByLabel('Answer', { exact: true })).toHaveValue('gen_ans')
  await datasets.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
  await page.getByRole('button', { name: 'OK' }).click()
  await datasets.importFile(resolve(OWN_FIXTURES, 'truncated.jsonl'), 4)

  const stats = new StatsPage(page)
  await stats.goto()
  await expect(
    stats.summaryRow('choice-answers', 'correct').locator('[data-metric="n"]'),
  ).toHaveText('5')
  await expect(
    stats.summaryRow('choice-answers', 'incorrect').locator('[data-metric="n"]'),
  ).toHaveText('2')
  await stats.splitBy('finished or truncated')
  await expect(stats.summaryRow('truncated', 'truncated').locator('[data-metric="n"]')).toHaveText(
    '2',
  )
  await expect(stats.summaryRow('truncated', 'finished').locator('[data-metric="n"]')).toHaveText(
    '2',
  )
  await expect(stats.summaryRow('truncated').locator('[data-metric="truncated-share"]')).toHaveText(
    '50%',
  )
  // the split is kept across a reload
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Split by' })).toHaveValue('truncated')
  const latex = await stats.download('Save Summary as LaTeX')
  expect(readFileSync(await latex.path(), 'utf8')).toMatch(/\\toprule[^]*truncated & 2 &/)
})

test('a file without a recognised reasoning field opens the preview with Reasoning to choose', async ({
  page,
}, info) => {
  const path = info.outputPath('numbers.jsonl')
  const { writeFileSync } = await import('node:fs')
  writeFileSync(path, '{"n": 1, "note": "x"}\n{"n": 2, "note": "y"}\n')
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.previewFile(path)
  const reasoning = datasets.previewForm().getByLabel('Reasoning', { exact: true })
  await expect(reasoning.locator('option:checked')).toHaveText('(choose)')
  await expect(
    datasets.previewForm().getByRole('button', { name: 'Import', exact: true }),
  ).toBeDisabled()
  await reasoning.selectOption('note')
  await expect(
    datasets.previewForm().getByRole('button', { name: 'Import', exact: true }),
  ).toBeEnabled()
})
