import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, hasRealFixtures, REAL_FIXTURES, REAL_SKIP_REASON, test } from './test'
import { DatasetsPage } from './pages/datasets-page'
import { StatsPage } from './pages/stats-page'

const SKY_T1 = [
  'skythought_sky-t1-math-correct-5k-14b_aime24',
  'skythought_sky-t1-math-wrong-5k-14b_aime24',
  'skythought_sky-t1-math-reflection-1.0-32b_aime24',
]

/** The files' own markers: an output that opens its thought block and never closes it. */
function unterminated(name: string): number {
  return readFileSync(resolve(REAL_FIXTURES, `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { code: string[] })
    .filter((r) => {
      const text = r.code[0] ?? ''
      return text.includes('<|begin_of_thought|>') && !text.includes('<|end_of_thought|>')
    }).length
}

test.describe('truncated traces of the SkyThought AIME24 outputs (issue #9)', () => {
  test.skip(!hasRealFixtures, REAL_SKIP_REASON)
  test.setTimeout(180_000)

  test('the truncated flag matches the files’ own markers, and the stats split by it', async ({
    page,
  }) => {
    const datasets = new DatasetsPage(page)
    await datasets.goto()
    for (const name of SKY_T1)
      await datasets.importFile(resolve(REAL_FIXTURES, `${name}.jsonl`), 30)
    const stats = new StatsPage(page)
    await stats.goto()
    await stats.splitBy('finished or truncated')
    for (const name of SKY_T1) {
      const cut = unterminated(name)
      expect(cut, name).toBeGreaterThan(0)
      await expect(stats.summaryRow(name, 'truncated').locator('[data-metric="n"]')).toHaveText(
        String(cut),
      )
      await expect(stats.summaryRow(name, 'finished').locator('[data-metric="n"]')).toHaveText(
        String(30 - cut),
      )
      await expect(stats.summaryRow(name).locator('[data-metric="truncated-share"]')).toHaveText(
        `${Math.round((cut / 30) * 100)}%`,
      )
      // truncated traces are the long, looping ones
      const words = async (split: string) =>
        Number(await stats.summaryRow(name, split).locator('td').nth(7).textContent())
      expect(await words('truncated'), name).toBeGreaterThan(await words('finished'))
    }
    // the interval is shown beside the figure
    await expect(
      stats.summaryRow(SKY_T1[0]!).locator('[data-metric="mean-pivots-per-1k"] .ci'),
    ).toHaveText(/^ \[\d+\.\d\d, \d+\.\d\d\]$/)
  })
})
