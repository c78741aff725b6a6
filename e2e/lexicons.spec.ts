import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { DatasetsPage } from './pages/datasets-page'
import { LexiconsPage } from './pages/lexicons-page'
import { StatsPage } from './pages/stats-page'

test.describe('lexicons', () => {
  test('copy a preset, add a phrase, make it active: metrics are recomputed', async ({
    page,
  }, info) => {
    const datasets = new DatasetsPage(page)
    await datasets.goto()
    await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'))
    const source = readFileSync(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { reasoning: string })

    const lexicons = new LexiconsPage(page)
    await lexicons.goto()
    await lexicons.expectMetricsCurrent()
    await page.getByRole('button', { name: 'Copy Style over Substance pivots' }).click()
    const editor = lexicons.editor()
    await expect(editor).toBeVisible()
    await editor.getByLabel('Name', { exact: true }).fill('My pivots')
    // "yes" is no pivot of the preset; count it independently in the fixture's reasoning
    const yes = source.reduce(
      (n, r) => n + (r.reasoning.match(/(?<![\p{L}\p{N}_])yes(?![\p{L}\p{N}_])/giu)?.length ?? 0),
      0,
    )
    expect(yes).toBeGreaterThan(0)
    await editor.getByLabel('Add phrase to Realization').fill('yes')
    await editor.getByLabel('Add phrase to Realization').press('Enter')
    await expect(editor.getByTestId('category-realization')).toContainText('yes')
    await editor.getByRole('button', { name: 'Save lexicon' }).click()
    await lexicons.row('My pivots').getByRole('button', { name: 'Use My pivots' }).click()
    await expect(lexicons.row('My pivots')).toContainText('active')
    await lexicons.expectMetricsCurrent()

    // the stats view's phrase counts now include the new phrase, as counted above
    const stats = new StatsPage(page)
    await stats.goto()
    const csv = await stats.download('Save Top pivot phrases data as CSV')
    const rows = readFileSync(await csv.path(), 'utf8')
      .trim()
      .split('\r\n')
    const yesAll = rows.find((l) => /^flat-small,all,Realization,yes,/.test(l))
    expect(yesAll?.split(',')[4]).toBe(String(yes))

    // export as patterns JSONL and import the file back as a new lexicon
    await lexicons.goto()
    const download = await lexicons.exportPatterns('My pivots')
    const text = readFileSync(await download.path(), 'utf8')
    expect(text.split('\n')).toContain(
      '{"label":"realization","pattern":[{"lower":"yes"}],"color":"#ffd6a5","name":"Realization"}',
    )
    const file = info.outputPath('shared.patterns.jsonl')
    writeFileSync(file, text)
    await page
      .getByLabel('Import a patterns file (Prodigy / spaCy patterns JSONL)')
      .setInputFiles(file)
    await expect(lexicons.row('shared')).toContainText('42')
  })
})
