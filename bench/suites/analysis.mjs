/**
 * Re-analysis throughput (issue 4): `computeMetrics` with the default lexicon over the generated
 * traces, next to a plain scan of the same texts with one precompiled regular expression, in the
 * same worker and the same run (bench/page/analysis.worker.ts). Target: a ratio of at least 0.5.
 */
import { withFreshProfile } from '../browser.mjs'

const MB = 2 ** 20

export default {
  name: 'analysis',
  async run({ baseURL, traces, chars }) {
    const r = await withFreshProfile(async ({ page }) => {
      await page.goto(`${baseURL}/bench/page/index.html`)
      page.setDefaultTimeout(0)
      return page.evaluate((request) => window.benchAnalysis(request), { traces, chars })
    })
    if (r.traces !== traces) throw new Error(`analysed ${r.traces} of ${traces} traces`)
    const mb = r.chars / MB
    const analysis = mb / (r.analysisMs / 1000)
    const plain = mb / (r.plainMs / 1000)
    console.log(
      `  ${r.traces} traces, ${mb.toFixed(0)} MB of reasoning; ${r.pivots} pivots, ${r.plainMatches} plain matches`,
    )
    return [
      { name: 'analysis/reanalysis.throughput', value: analysis, unit: 'MB/s' },
      {
        name: 'analysis/reanalysis.records',
        value: r.traces / (r.analysisMs / 1000),
        unit: 'traces/s',
      },
      { name: 'analysis/plain-scan.throughput', value: plain, unit: 'MB/s' },
      { name: 'analysis/plain-scan', value: analysis / plain, unit: 'ratio' },
    ]
  },
}
