import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { setAnnotator } from './pages/annotator'
import { DatasetsPage } from './pages/datasets-page'
import { ReaderPage } from './pages/reader-page'
import { TracesPage } from './pages/traces-page'
import { storedRows } from './stored'

interface StoredTaxonomy {
  id: string
  name: string
  labels: { id: string; name: string; shortcut: string; level: string; description: string }[]
}
interface StoredTrace {
  key: string
  status: string
  tags: string[]
  note?: string
}

test('taxonomies: presets stored, a copy edited and checked, chosen per dataset and in the reader; labels show keys, guidelines and chips; trace status, tags and note by key; next unfinished', async ({
  page,
}) => {
  // Three screens and two imports in one walk: over a minute on a loaded two-core machine.
  test.setTimeout(120_000)
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await setAnnotator(page)
  await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 6)
  const taxonomies = () => storedRows<StoredTaxonomy>(page, 'taxonomies')
  await expect
    .poll(async () => (await taxonomies()).map((t) => t.id).sort())
    .toEqual(['cognitive-behaviours', 'reasoning-episodes', 'sos', 'thought-anchors'])

  // The editor: copy a preset, break the rules (told, not saved), add, move, remove labels.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Taxonomies' })
    .click()
  await expect(page.getByTestId('taxonomy-row')).toHaveCount(4)
  await page.getByRole('button', { name: 'Copy Thought Anchors sentence functions' }).click()
  const editor = page.getByRole('form', { name: /Edit taxonomy/ })
  await editor.getByLabel('Name', { exact: true }).fill('My anchors')
  const save = editor.getByRole('button', { name: 'Save taxonomy' })
  await editor.getByLabel('Key of label 2').fill('1')
  await expect(editor.getByRole('alert')).toContainText('have the same shortcut 1')
  await expect(save).toBeDisabled()
  await editor.getByLabel('Key of label 2').fill('j')
  await expect(editor.getByRole('alert')).toContainText('taken by the annotate keyboard')
  await editor.getByLabel('Key of label 2').fill('2')
  await expect(editor.getByRole('alert')).toBeHidden()
  await editor.getByRole('button', { name: 'Add span label' }).click()
  await editor.getByLabel('Name of label 10').fill('Claim')
  await editor.getByLabel('Description of label 10').fill('A claim the trace makes')
  await editor.getByLabel('Key of label 10').fill('q')
  await editor.getByRole('button', { name: 'Move label 10 up' }).click()
  await editor.getByRole('button', { name: 'Add trace label' }).click()
  await editor.getByLabel('Name of label 11').fill('Interesting')
  await editor.getByRole('button', { name: 'Remove label 10' }).click()
  await expect(editor.getByRole('alert')).toBeHidden()
  await save.click()
  await expect(editor).toBeHidden()
  await expect(page.getByTestId('taxonomy-row')).toHaveCount(5)
  const mine = (await taxonomies()).find((t) => t.name === 'My anchors')!
  expect(mine.labels.map((l) => l.name)).toEqual([
    'Problem setup',
    'Plan generation',
    'Fact retrieval',
    'Active computation',
    'Result consolidation',
    'Uncertainty management',
    'Final answer emission',
    'Self checking',
    'Claim',
    'Interesting',
  ])
  const claim = mine.labels[8]!
  expect(claim).toMatchObject({
    shortcut: 'q',
    level: 'span',
    description: 'A claim the trace makes',
  })
  const interesting = mine.labels[9]!
  expect(interesting.level).toBe('trace')
  // The preset itself is unchanged.
  const preset = (await taxonomies()).find((t) => t.id === 'thought-anchors')!
  expect(preset.labels.map((l) => l.shortcut).join('')).toBe('123456789')

  // Chosen on the dataset's page: the reader labels with it.
  await datasets.goto()
  await datasets.open('flat-small')
  await page.getByLabel('Taxonomy').selectOption({ label: 'My anchors' })
  await new TracesPage(page).open('fs-emoji')
  const reader = new ReaderPage(page)
  await reader.expectOpen('fs-emoji')
  await expect(page.getByRole('heading', { name: 'Labels · My anchors' })).toBeVisible()
  const claimItem = page.getByTestId('label-bar-item').filter({ hasText: 'Claim' })
  await expect(claimItem).toContainText('q')
  await expect(claimItem).toContainText('A claim the trace makes')
  await expect(claimItem).toHaveAttribute('title', 'A claim the trace makes')

  // j then q: the first sentence becomes a Claim span, its chip by the cursor and in the list.
  await page.keyboard.press('j')
  await page.keyboard.press('q')
  await expect(reader.spans()).toHaveCount(1)
  await expect(reader.spans().first().getByTestId('span-label')).toHaveText('Claim')
  await expect(page.getByTestId('cursor-labels')).toHaveText('Claim')
  await expect(page.getByTestId('annotate-message')).toContainText('Added Claim')
  await expect
    .poll(async () =>
      (await storedRows<{ label: string }>(page, 'annotations')).map((a) => a.label),
    )
    .toEqual([claim.id])

  // Trace level: d marks it done, t 1 tags it, m writes its note.
  const trace = async () =>
    (await storedRows<StoredTrace>(page, 'traces')).find((t) => t.key === 'fs-emoji')!
  await page.keyboard.press('d')
  await expect.poll(async () => (await trace()).status).toBe('done')
  await expect(page.getByRole('radio', { name: /done/ })).toBeChecked()
  await page.keyboard.press('t')
  await page.keyboard.press('1')
  await expect.poll(async () => (await trace()).tags).toEqual([interesting.id])
  await expect(page.getByRole('checkbox', { name: /Interesting/ })).toBeChecked()
  await page.keyboard.press('m')
  await page.keyboard.type('odd trace 😀 中文')
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await trace()).note).toBe('odd trace 😀 中文')
  // t 1 again removes the tag.
  await page.keyboard.press('t')
  await page.keyboard.press('1')
  await expect.poll(async () => (await trace()).tags).toEqual([])

  // u: the next trace not done, in the table's order.
  await page.keyboard.press('u')
  await reader.expectOpen('fs-chinese')
  await expect(page.getByRole('heading', { name: 'Labels · My anchors' })).toBeVisible()

  // Chosen in the reader: the dataset's page shows the same choice.
  await page.getByLabel('Taxonomy').selectOption({ label: 'Cognitive behaviours' })
  await expect(page.getByRole('heading', { name: 'Labels · Cognitive behaviours' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Labels · Cognitive behaviours' })).toBeVisible()
  await datasets.goto()
  await datasets.open('flat-small')
  await expect(page.getByLabel('Taxonomy')).toHaveValue('cognitive-behaviours')
  await expect(new TracesPage(page).row('fs-emoji')).toContainText('done')
})
