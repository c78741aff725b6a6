/**
 * The reader with many span annotations (issue #14), on the peer benchmark's pages
 * (bench/peer/, from ../shared/peer-bench): one 200,000-character trace with 5,000 spans, each
 * page in a fresh browser context (as the peer benchmark runs them, 1280 x 800), the dataset
 * from the harness's own generator. Tracemark's real
 * app (bench/peer/tracemark.tsx) against the bare Highlight-API page (the same-run baseline) and
 * the plain-text page, A B A B (bench/ab.mjs, 3 pairs):
 * - open: painted from the hand-off (the page's `paintedFromHandoffMs`), every span checked;
 * - add one span near the top (keyboard path in Tracemark, `Highlight.add` on the baseline);
 * - issue #10's keyboard timings on the same page: a cursor move to the next sentence (100 ms apart, median
 *   of ten per run) and accepting every open suggestion of one label (`s`, then `A`), 1,000+ of
 *   them: the page first makes active a lexicon that files every pivot phrase under one
 *   category (the default lexicon offers at most 696 of one category on this trace; #10's target
 *   is for 1,000+), so `annotate/accept-all.spans` reports how many were accepted;
 * - memory after the load, as the peer benchmark measures it: JS heap after a forced GC and DOM
 *   nodes (CDP `Performance.getMetrics`).
 */
import { abab } from '../ab.mjs'
import { median, withBrowser } from '../browser.mjs'
import { generateTrace } from '../peer/generate.js'

const N = 200_000
const S = 5_000
const SEED = 1

export default {
  name: 'reader',
  async run({ baseURL, pairs }) {
    const dataset = JSON.stringify(generateTrace({ n: N, s: S, seed: SEED }))

    return withBrowser((freshContext) => measure(freshContext, dataset, baseURL, pairs))
  },
}

/** The peer benchmark's memory figures: JS heap after a forced GC, and DOM nodes (CDP). */
async function heapAndNodes(tab) {
  const cdp = await tab.context().newCDPSession(tab)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN
  await cdp.detach()
  return { heapMB: get('JSHeapUsedSize') / 2 ** 20, nodes: get('Nodes') }
}

async function measure(freshContext, dataset, baseURL, pairs) {
  /** One load (and add) of a peer-bench page in a fresh context. */
  const runPage = (page) =>
    freshContext(async ({ page: tab }) => {
      await tab.route('**/data/*.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: dataset }),
      )
      tab.setDefaultTimeout(0)
      await tab.goto(`${baseURL}/bench/peer/${page}.html?n=${N}&s=${S}&seed=${SEED}`)
      await tab.waitForFunction(() => window.__bench?.ready !== undefined)
      const load = await tab.evaluate(() => window.__bench.ready)
      if (load.check.checked > 0 && load.check.ok !== load.check.checked) {
        throw new Error(`${page}: ${load.check.ok} of ${load.check.checked} spans painted right`)
      }
      const memory = await heapAndNodes(tab)
      const add = await tab.evaluate(() => window.__bench.addSpan())
      const annotate =
        page === 'tracemark' ? await tab.evaluate(() => window.__tracemarkAnnotate()) : null
      return { value: load.paintedFromHandoffMs, load, add, memory, annotate }
    })

  const plain = []
  const open = await abab({
    pairs,
    baseline: async () => {
      plain.push((await runPage('plain')).value)
      return runPage('highlight-api')
    },
    measured: () => runPage('tracemark'),
    label: 'open 5k spans (Highlight-API page / Tracemark)',
  })
  const addBaseline = open.rows.map((r) => r.baseline.add.ms)
  const addTracemark = open.rows.map((r) => r.measured.add.ms)
  const addRatios = open.rows.map((r) => r.measured.add.ms / r.baseline.add.ms)
  const plainRatios = open.rows.map((r, i) => r.m / plain[i])
  const extras = open.rows.at(-1).measured.load.extras ?? {}
  console.log(
    `  add span ms: Highlight-API ${addBaseline.map((v) => v.toFixed(0)).join(' ')}, Tracemark ${addTracemark.map((v) => v.toFixed(0)).join(' ')}; Tracemark ranges: ${JSON.stringify(extras)}`,
  )
  return [
    { name: 'browse/reader.open-5k-spans', value: open.ratio, unit: 'ratio' },
    { name: 'browse/reader.open-5k-spans.ms', value: open.measured, unit: 'ms' },
    { name: 'browse/reader.open-5k-spans.highlight-api-ms', value: open.baseline, unit: 'ms' },
    { name: 'browse/reader.open-5k-spans.plain-ms', value: median(plain), unit: 'ms' },
    { name: 'browse/reader.open-5k-spans/plain', value: median(plainRatios), unit: 'ratio' },
    { name: 'browse/reader.add-span', value: median(addTracemark), unit: 'ms' },
    {
      name: 'annotate/cursor-move',
      value: median(open.rows.flatMap((r) => r.measured.annotate.cursorMoveMs)),
      unit: 'ms',
    },
    {
      name: 'annotate/accept-all',
      value: median(open.rows.map((r) => r.measured.annotate.acceptAllMs)),
      unit: 'ms',
    },
    {
      name: 'annotate/accept-all.spans',
      value: median(open.rows.map((r) => r.measured.annotate.accepted)),
      unit: 'spans',
    },
    {
      name: 'browse/reader.open-5k-spans.heap',
      value: median(open.rows.map((r) => r.measured.memory.heapMB)),
      unit: 'MB',
    },
    {
      name: 'browse/reader.open-5k-spans.heap.highlight-api',
      value: median(open.rows.map((r) => r.baseline.memory.heapMB)),
      unit: 'MB',
    },
    {
      name: 'browse/reader.open-5k-spans.dom-nodes',
      value: median(open.rows.map((r) => r.measured.memory.nodes)),
      unit: 'nodes',
    },
    { name: 'browse/reader.add-span.highlight-api-ms', value: median(addBaseline), unit: 'ms' },
    { name: 'browse/reader.add-span/highlight-api', value: median(addRatios), unit: 'ratio' },
  ]
}
