/**
 * Import throughput (issues 3 and 14): Tracemark's real import path (file input, worker, parse,
 * detect, metrics, two tables) against the raw baseline (same file, parse + Dexie bulkPut in a
 * worker), each in a fresh on-disk profile, alternating A B A B (bench/ab.mjs); the ratio is the
 * median of the per-pair ratios. Also the peak JS heap (page + workers) during each app import.
 */
import { abab } from '../ab.mjs'
import { withFreshProfile } from '../browser.mjs'
import { ensureDataset } from '../generate.mjs'
import { startHeapSampler } from '../heap-sampler.mjs'

const MB = 2 ** 20

export default {
  name: 'import',
  async run({ baseURL, traces, chars, pairs }) {
    const data = await ensureDataset({ traces, chars })
    console.log(`  dataset: ${traces} traces, ${(data.bytes / MB).toFixed(0)} MB`)

    const raw = () =>
      withFreshProfile(async ({ page }) => {
        await page.goto(`${baseURL}/bench/page/index.html`)
        await page.locator('#file').setInputFiles(data.path)
        const r = await page.evaluate(() =>
          window.benchRawPut(document.querySelector('input').files[0]),
        )
        return { value: r.totalMs, ...r }
      })

    const app = () =>
      withFreshProfile(async ({ context, page }) => {
        await page.goto(`${baseURL}/#/`)
        const sampler = await startHeapSampler(context, page)
        const started = Date.now()
        await page.getByLabel('Choose a trace file to import').setInputFiles(data.path)
        // The preview reads the first records; the clock runs through it, as the user's does.
        const form = page.getByRole('form', { name: 'Import preview' })
        await form.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 120_000 })
        await page.getByText(/^Imported [\d,]+ traces from/).waitFor({ timeout: 60 * 60 * 1000 })
        const ms = Date.now() - started
        const peak = await sampler.stop()
        const shown = await page.getByText(/^Imported [\d,]+ traces from/).textContent()
        if (!shown.includes(traces.toLocaleString('en-US'))) throw new Error(`unexpected: ${shown}`)
        return { value: ms, peak }
      })

    // Throughput ratio app/raw = raw time / app time, per pair.
    const ab = await abab({
      pairs,
      baseline: raw,
      measured: app,
      ratio: (b, m) => b / m,
      label: 'import',
    })
    const rawRate = data.bytes / MB / (ab.baseline / 1000)
    const appRate = data.bytes / MB / (ab.measured / 1000)
    const putShare = Math.max(...ab.rows.map((r) => r.baseline.putMs / r.baseline.totalMs))
    return [
      { name: 'import/raw-bulkput.throughput', value: rawRate, unit: 'MB/s' },
      {
        name: 'import/raw-bulkput.records',
        value: traces / (ab.baseline / 1000),
        unit: 'traces/s',
      },
      { name: 'import/raw-bulkput.put-share', value: putShare, unit: 'fraction' },
      { name: 'import/tracemark.throughput', value: appRate, unit: 'MB/s' },
      { name: 'import/tracemark.records', value: traces / (ab.measured / 1000), unit: 'traces/s' },
      { name: 'import/raw-bulkput', value: ab.ratio, unit: 'ratio' },
      {
        name: 'import/peak-js-heap',
        value: Math.max(...ab.rows.map((r) => r.measured.peak)) / MB,
        unit: 'MB',
      },
    ]
  },
}
