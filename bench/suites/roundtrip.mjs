/**
 * A labelled set leaves and comes back (issue #8), on the generated traces with spans:
 * - `export/stringify`: the app's export of the dataset as Tracemark JSONL (its export client and
 *   worker: pages of traces, texts, spans and relations, every span checked against its text and
 *   given code-point offsets) against the baseline of the same rows read the same way and
 *   `JSON.stringify`-ed as they are into a Blob (bench/page/roundtrip.worker.ts), in the same
 *   page and database, A B A B; the ratio is baseline time / export time. Target >= 0.5.
 * - `import/roundtrip-reimport`: the import of that Tracemark export (preview, restore of traces,
 *   texts, spans and relations) against the import of the same traces as a plain trace file,
 *   each in a fresh on-disk profile through the real file input, A B A B; the ratio is plain
 *   import time / re-import time. Target >= 0.8.
 * The labelled set is made once: the plain file imported through the UI, `SPANS_PER_TRACE` spans
 * and one relation added to every trace, and the export saved through the datasets page's
 * "Export JSONL" (a download).
 */
import { statSync } from 'node:fs'
import { abab } from '../ab.mjs'
import { withFreshProfile } from '../browser.mjs'
import { ensureDataset } from '../generate.mjs'

const MB = 2 ** 20
const SPANS_PER_TRACE = 4
const HOUR = 60 * 60 * 1000

/** Imports a plain trace file through the datasets page; resolves with the time it took. */
async function importPlain(page, baseURL, path, traces) {
  await page.goto(`${baseURL}/#/`)
  const started = Date.now()
  await page.getByLabel('Choose a trace file to import').setInputFiles(path)
  const form = page.getByRole('form', { name: 'Import preview' })
  await form.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 120_000 })
  const done = page.getByText(/^Imported [\d,]+ traces from/)
  await done.waitFor({ timeout: HOUR })
  const ms = Date.now() - started
  const shown = await done.textContent()
  if (!shown.includes(traces.toLocaleString('en-US'))) throw new Error(`unexpected: ${shown}`)
  return ms
}

/** Imports a Tracemark export (a restore); resolves with the time it took. */
async function importExport(page, baseURL, path, traces) {
  await page.goto(`${baseURL}/#/`)
  const started = Date.now()
  await page.getByLabel('Choose a trace file to import').setInputFiles(path)
  await page.getByTestId('tracemark-summary').waitFor({ timeout: HOUR })
  const summary = await page.getByTestId('tracemark-summary').textContent()
  if (!summary.startsWith(`Tracemark export: ${traces.toLocaleString('en-US')} traces`)) {
    throw new Error(`unexpected preview: ${summary}`)
  }
  const form = page.getByRole('form', { name: 'Import preview' })
  await form.getByRole('button', { name: 'Import', exact: true }).click()
  const done = page.getByText(/^Restored [\d,]+ traces, [\d,]+ spans/)
  await done.waitFor({ timeout: HOUR })
  const ms = Date.now() - started
  const shown = await done.textContent()
  if (!shown.startsWith(`Restored ${traces.toLocaleString('en-US')} traces`)) {
    throw new Error(`unexpected: ${shown}`)
  }
  return ms
}

export default {
  name: 'roundtrip',
  async run({ baseURL, traces, chars, pairs }) {
    const data = await ensureDataset({ traces, chars })
    const exportPath = data.path.replace(/\.jsonl$/, `.tracemark-${SPANS_PER_TRACE}spans.jsonl`)
    console.log(`  dataset: ${traces} traces, ${(data.bytes / MB).toFixed(0)} MB`)

    const exported = await withFreshProfile(async ({ page }) => {
      // Headless Chromium may offer the picker: the export is a download here.
      await page.addInitScript(() => delete window.showSaveFilePicker)
      page.setDefaultTimeout(HOUR)
      await importPlain(page, baseURL, data.path, traces)
      await page.goto(`${baseURL}/bench/page/index.html`)
      const seeded = await page.evaluate((n) => window.benchAddSpans(n), SPANS_PER_TRACE)
      console.log(`  labelled: ${seeded.spans} spans, ${seeded.relations} relations`)
      const side = (name) => async () => {
        const r = await page.evaluate(([fn, id]) => window[fn](id), [name, seeded.datasetId])
        if (r.traces !== traces) throw new Error(`${name}: ${r.traces} of ${traces} traces`)
        return { value: r.ms, bytes: r.bytes }
      }
      const ab = await abab({
        pairs,
        baseline: side('benchPlainExport'),
        measured: side('benchAppExport'),
        ratio: (b, m) => b / m,
        label: 'export',
      })
      await page.goto(`${baseURL}/#/`)
      const download = page.waitForEvent('download', { timeout: HOUR })
      await page.getByRole('button', { name: / as Tracemark JSONL$/ }).click()
      await (await download).saveAs(exportPath)
      return { ab, spans: seeded.spans }
    })
    const exportBytes = statSync(exportPath).size
    console.log(`  Tracemark export: ${(exportBytes / MB).toFixed(0)} MB`)

    const reimport = await abab({
      pairs,
      baseline: () => withFreshProfile(({ page }) => importPlain(page, baseURL, data.path, traces)),
      measured: () =>
        withFreshProfile(({ page }) => importExport(page, baseURL, exportPath, traces)),
      ratio: (b, m) => b / m,
      label: 're-import',
    })

    const exportMB = exportBytes / MB
    return [
      {
        name: 'export/stringify.throughput',
        value: exportMB / (exported.ab.measured / 1000),
        unit: 'MB/s',
      },
      {
        name: 'export/stringify.records',
        value: traces / (exported.ab.measured / 1000),
        unit: 'traces/s',
      },
      {
        name: 'export/stringify.plain-records',
        value: traces / (exported.ab.baseline / 1000),
        unit: 'traces/s',
      },
      { name: 'export/stringify', value: exported.ab.ratio, unit: 'ratio' },
      {
        name: 'import/roundtrip-reimport.records',
        value: traces / (reimport.measured / 1000),
        unit: 'traces/s',
      },
      {
        name: 'import/roundtrip-reimport.plain-records',
        value: traces / (reimport.baseline / 1000),
        unit: 'traces/s',
      },
      { name: 'import/roundtrip-reimport', value: reimport.ratio, unit: 'ratio' },
    ]
  },
}
