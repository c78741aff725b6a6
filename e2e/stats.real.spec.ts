import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, hasRealFixtures, REAL_FIXTURES, REAL_SKIP_REASON, test } from './test'
import { countPivots } from './lexicon-count'
import { DatasetsPage } from './pages/datasets-page'
import { StatsPage } from './pages/stats-page'

const PLAIN = 'skythought_qwen2.5-14b-instruct_aime24'
const SKY_T1 = [
  'skythought_sky-t1-math-correct-5k-14b_aime24',
  'skythought_sky-t1-math-wrong-5k-14b_aime24',
  'skythought_sky-t1-math-reflection-1.0-32b_aime24',
]

/**
 * Pivot density of a fixture computed here, independently of the app: the design's phrase list
 * (lexicon-count.ts) over each whole model output, per 1,000 whitespace-separated words.
 */
function independentDensity(name: string): number {
  const rows = readFileSync(resolve(REAL_FIXTURES, `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { code: string[] })
  const densities = rows.map((r) => {
    const text = r.code[0] ?? ''
    const pivots = Object.values(countPivots(text)).reduce((a, b) => a + b, 0)
    const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
    return words === 0 ? 0 : (pivots / words) * 1000
  })
  return densities.reduce((a, b) => a + b, 0) / densities.length
}

test.describe('dataset statistics on the SkyThought AIME24 outputs', () => {
  test.skip(!hasRealFixtures, REAL_SKIP_REASON)
  test.setTimeout(120_000)

  test('Sky-T1 traces pivot more densely than plain Qwen2.5-14B-Instruct', async ({ page }) => {
    const datasets = new DatasetsPage(page)
    await datasets.goto()
    for (const name of [PLAIN, ...SKY_T1]) {
      await datasets.importFile(resolve(REAL_FIXTURES, `${name}.jsonl`), 30)
    }

    const stats = new StatsPage(page)
    await stats.goto()
    for (const name of [PLAIN, ...SKY_T1]) {
      await expect(stats.summaryRow(name).locator('td').nth(2)).toHaveText('30')
    }
    const plain = await stats.meanDensity(PLAIN)
    const plainIndependent = independentDensity(PLAIN)
    for (const name of SKY_T1) {
      // the independent count agrees on the direction, and so does the app
      expect(independentDensity(name), name).toBeGreaterThan(plainIndependent)
      expect(await stats.meanDensity(name), name).toBeGreaterThan(plain)
    }
    // split by correctness: the rows of a dataset add up to its 30 traces
    const split = await page
      .locator(
        `[data-testid="stats-summary"] tr[data-dataset="${PLAIN}"]:not([data-split="all"]) td:nth-child(3)`,
      )
      .allTextContents()
    expect(split.map(Number).reduce((a, b) => a + b, 0)).toBe(30)

    // every chart is drawn by Plot, with one colour per dataset in its legend
    for (const id of ['distribution', 'phrases', 'positions', 'pivot-types']) {
      await expect(stats.chart(id).locator('svg.tm-plot')).toBeVisible()
      await expect(
        stats.chart(id).getByRole('list', { name: 'Datasets' }).locator('li'),
      ).toHaveCount(4)
    }

    // the numbers behind a chart, as CSV
    const csv = await stats.download('Save Top pivot phrases data as CSV')
    const lines = readFileSync(await csv.path(), 'utf8')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('dataset,correctness,category,phrase,count,per_1k_words')
    const waits = lines.filter((l) => l.startsWith(`${PLAIN},all,Realization,wait,`))
    expect(waits).toHaveLength(1)

    // the chart as SVG and PNG files
    const svg = await stats.download('Save Where pivots fall as SVG')
    expect(readFileSync(await svg.path(), 'utf8')).toMatch(/^<\?xml[^]*<svg[^]*tm-plot/)
    const png = await stats.download('Save Where pivots fall as PNG')
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG')
  })
})
