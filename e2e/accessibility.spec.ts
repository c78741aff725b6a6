import AxeBuilder from '@axe-core/playwright'
import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { DatasetsPage } from './pages/datasets-page'

test.setTimeout(400_000)

const SCHEMES = ['light', 'dark'] as const
/** axe's rules that depend on colours (color-contrast-enhanced is AAA, off by default). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block']

/**
 * Issue #12: axe (WCAG rules) on every screen: datasets, import preview, traces, reader, stats,
 * lexicons, compare, the export panel; no serious or critical violation on any, in the light
 * and in the dark theme (the system's colour scheme emulated: the theme follows it by default).
 * One page walks through every screen and scans each twice, switching the scheme in place; the
 * dark scan runs the colour rules only (the DOM is the same; the light scan ran every rule on it).
 */
test('no serious or critical axe violation on any screen, light or dark', async ({ page }) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(resolve(OWN_FIXTURES, 'pair-a.jsonl'))
  await datasets.importFile(resolve(OWN_FIXTURES, 'pair-b.jsonl'))
  const counts: Record<string, string[]> = {}
  const timings: string[] = []
  const scan = async (screen: string) => {
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme })
      // Legacy mode runs axe in the page itself (the default opens a blank page per scan to
      // merge frame results; this app has no frames). Only violations are detailed: passes and
      // the rest cost axe time and are not checked.
      let axe = new AxeBuilder({ page })
        .setLegacyMode(true)
        .options({ resultTypes: ['violations'] })
      // The dark scan is of the same DOM: only the rules that read colours can differ.
      if (colorScheme === 'dark') axe = axe.withRules(COLOUR_RULES)
      const started = Date.now()
      const r = await axe.analyze()
      const found = r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}×${v.nodes.length}(${v.impact}): ${v.nodes[0]?.target.join(' ')}`)
      counts[`${screen}, ${colorScheme}`] = found
      timings.push(`${screen}, ${colorScheme}: ${Date.now() - started} ms`)
      expect
        .soft(found, `serious or critical axe violations on ${screen}, ${colorScheme}`)
        .toEqual([])
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }
  await scan('datasets')
  await datasets.fileInput().setInputFiles(resolve(OWN_FIXTURES, 'flat-small.jsonl'))
  await expect(datasets.previewForm()).toBeVisible()
  await scan('import preview')
  await datasets.previewForm().getByRole('button', { name: 'Cancel' }).click()
  await page.goto('./#/traces')
  await expect(page.getByTestId('trace-row').first()).toBeVisible()
  await scan('traces')
  await page.getByTestId('trace-row').first().getByRole('cell').nth(1).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Trace')
  await scan('reader')
  await page.goto('./#/stats')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('svg.tm-plot').first()).toBeVisible()
  await scan('stats')
  await page.goto('./#/lexicons')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await scan('lexicons')
  await page.goto('./#/traces')
  const select = page.getByRole('checkbox', { name: /^Select trace/ })
  await select.nth(0).check()
  await select.nth(1).check()
  await page.getByRole('button', { name: 'Compare selected' }).click()
  await expect(page.locator('.minimap')).toHaveCount(2)
  await scan('compare')
  await page.goto('./#/')
  await page.getByText('Other formats…').first().click()
  await expect(page.getByRole('group', { name: /^Export / }).first()).toBeVisible()
  await scan('export panel')
  // The counts per screen and scan times, for the record (#12 asks for the counts).
  process.stdout.write(
    Object.entries(counts)
      .map(
        ([screen, found]) => `axe ${screen}: ${found.length} serious/critical ${found.join('; ')}`,
      )
      .join('\n') + `\naxe time per scan: ${timings.join(', ')}\n`,
  )
})
