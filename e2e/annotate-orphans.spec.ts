import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { setAnnotator } from './pages/annotator'
import { DatasetsPage } from './pages/datasets-page'
import { ReaderPage } from './pages/reader-page'
import { TracesPage } from './pages/traces-page'
import { storedRows } from './stored'

test('a span whose text changed in a replacement is listed as orphaned with its old text, never dropped', async ({
  page,
}, testInfo) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await setAnnotator(page)
  const original = resolve(OWN_FIXTURES, 'flat-small.jsonl')
  await datasets.importFile(original, 6)
  await datasets.open('flat-small')
  await new TracesPage(page).open('fs-plain')
  const reader = new ReaderPage(page)
  await reader.expectOpen('fs-plain')
  // j 1: the first sentence; l 2: the second step, whose text the new file changes.
  const keys = page.keyboard
  await keys.press('j')
  await keys.press('1')
  await keys.press('l')
  await keys.press('2')
  await expect(reader.spans()).toHaveCount(2)
  await expect(reader.spans().nth(1)).toHaveAttribute('data-state', 'saved')
  const oldStep = 'Wait, let me check: 16 + 4 = 20, then 20 + 5 = 25. Correct.'
  await expect(reader.spans().nth(1)).toContainText(oldStep)

  // The same file with the second step of fs-plain reworded, imported in place of the first.
  const changed = testInfo.outputPath('flat-small.jsonl')
  writeFileSync(
    changed,
    readFileSync(original, 'utf8').replace('16 + 4 = 20, then 20', '16 + 9 = 25, so 25 -'),
  )
  await page.getByRole('link', { name: 'Datasets' }).click()
  await datasets.previewFile(changed)
  await datasets.previewForm().getByLabel('Add or replace').selectOption({
    label: 'replacement of “\u2068flat-small\u2069” (annotations kept where keys match)',
  })
  await datasets.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByText('Imported 6 traces from flat-small.jsonl')).toBeVisible()
  await page.getByRole('button', { name: 'OK' }).click()
  await datasets.open('flat-small')
  await new TracesPage(page).open('fs-plain')
  await reader.expectOpen('fs-plain')

  // The sentence still matches: a span. The step does not: listed apart, with its old text.
  await expect(reader.spans()).toHaveCount(1)
  await expect(reader.spans()).toContainText('Add the numbers')
  const orphaned = page.getByRole('region', { name: 'Orphaned (1)' })
  await expect(orphaned.getByTestId('orphaned-span')).toHaveCount(1)
  await expect(orphaned.getByTestId('orphaned-quote')).toHaveText(`“${oldStep}”`)
  await expect(orphaned).toContainText('Verification')
  // Not drawn over the new text, and still stored, on the new trace.
  expect(await reader.highlightTexts('reasoning', 'span-verification')).toEqual([])
  const traces = await storedRows<{ id: string; key: string }>(page, 'traces')
  const now = traces.find((t) => t.key === 'fs-plain')!.id
  const stored = await storedRows<{ traceId: string; quote: string }>(page, 'annotations')
  expect(
    stored
      .filter((a) => a.traceId === now)
      .map((a) => a.quote)
      .sort(),
  ).toEqual(['Add the numbers: 9 + 16 = 25.', oldStep].sort())
})
