/**
 * Re-analysis throughput (issues 4 and 14): `computeMetrics` with the default lexicon over the
 * generated traces, next to a plain scan of the same texts with one precompiled regular
 * expression, in the same worker and the same run (bench/page/analysis.worker.ts). The traces go
 * in chunks; each chunk is one A/B pair (both loops, alternating which runs first), and the ratio
 * is the median of the per-chunk ratios (bench/ab.mjs). Target (#14): at least 0.6.
 */
import { median, withFreshProfile } from '../browser.mjs'

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
    const ratios = r.pairs.map((p) => p.plainMs / p.analysisMs)
    console.log(
      `  ${r.traces} traces, ${mb.toFixed(0)} MB of reasoning; ${r.pivots} pivots, ${r.plainMatches} plain matches; ${ratios.length} pairs, ratios ${ratios.map((x) => x.toFixed(3)).join(' ')}`,
    )
    return [
      { name: 'analysis/reanalysis.throughput', value: analysis, unit: 'MB/s' },
      {
        name: 'analysis/reanalysis.records',
        value: r.traces / (r.analysisMs / 1000),
        unit: 'traces/s',
      },
      { name: 'analysis/plain-scan.throughput', value: plain, unit: 'MB/s' },
      { name: 'analysis/plain-scan', value: median(ratios), unit: 'ratio' },
      { name: 'analysis/plain-scan.pairs', value: ratios.length, unit: 'pairs' },
    ]
  },
}
