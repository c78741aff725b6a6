/**
 * Import throughput (issue 3): Tracemark's real import path (file input, worker, parse, detect,
 * metrics, two tables) against the raw baseline (same file, parse + Dexie bulkPut in a worker),
 * each in a fresh on-disk profile; and the peak JS heap (page + workers) during the import.
 */
import { withFreshProfile } from '../browser.mjs'
import { ensureDataset } from '../generate.mjs'
import { startHeapSampler } from '../heap-sampler.mjs'

const MB = 2 ** 20

export default {
  name: 'import',
  async run({ baseURL, traces, chars }) {
    const data = await ensureDataset({ traces, chars })
    console.log(`  dataset: ${traces} traces, ${(data.bytes / MB).toFixed(0)} MB`)

    const raw = await withFreshProfile(async ({ page }) => {
      await page.goto(`${baseURL}/bench/page/index.html`)
      await page.locator('#file').setInputFiles(data.path)
      return page.evaluate(() => window.benchRawPut(document.querySelector('input').files[0]))
    })

    const app = await withFreshProfile(async ({ context, page }) => {
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
      return { ms, peak }
    })

    const rawRate = data.bytes / MB / (raw.totalMs / 1000)
    const appRate = data.bytes / MB / (app.ms / 1000)
    return [
      { name: 'import/raw-bulkput.throughput', value: rawRate, unit: 'MB/s' },
      {
        name: 'import/raw-bulkput.records',
        value: raw.records / (raw.totalMs / 1000),
        unit: 'traces/s',
      },
      { name: 'import/raw-bulkput.put-share', value: raw.putMs / raw.totalMs, unit: 'fraction' },
      { name: 'import/tracemark.throughput', value: appRate, unit: 'MB/s' },
      { name: 'import/tracemark.records', value: traces / (app.ms / 1000), unit: 'traces/s' },
      { name: 'import/raw-bulkput', value: appRate / rawRate, unit: 'ratio' },
      { name: 'import/peak-js-heap', value: app.peak / MB, unit: 'MB' },
    ]
  },
}
