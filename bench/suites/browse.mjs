/**
 * Browsing at scale (issue: traces table and reader). The table: the generated dataset is
 * imported through the app in a fresh profile, then the all-traces table is timed from a
 * reload to its first rows and to all rows, and sort, filter and a one-screen scroll are timed
 * to the next painted frame. The reader: a 200,000-character reasoning with ~5,000 highlights
 * and a same-length one without, opened alternately in one page (open to painted), and the
 * frame times while scrolling through the highlighted one.
 */
import { abab } from '../ab.mjs'
import { median, withFreshProfile } from '../browser.mjs'
import { ensureDataset } from '../generate.mjs'
import { writeLongTraces } from '../long-trace.mjs'

const REPEATS = 9
/** A brisk flick: 100 px a frame is 6,000 px (about 230 lines) a second at 60 Hz. */
const SCROLL_STEP = 100

export { importThroughApp, measureReader, PAINTED }

export default {
  name: 'browse',
  async run({ baseURL, traces, chars }) {
    const data = await ensureDataset({ traces, chars })
    const table = await withFreshProfile(async ({ page }) => {
      await page.goto(`${baseURL}/#/`)
      await importThroughApp(page, data.path, 60 * 60 * 1000)
      return measureTable(page, baseURL, traces)
    })
    const reader = await withFreshProfile(async ({ page }) => {
      await page.goto(`${baseURL}/#/`)
      await importThroughApp(page, writeLongTraces(), 60_000)
      return measureReader(page)
    })
    return [...table, ...reader]
  },
}

/** Picks the file, confirms the preview when the app shows one, waits for the end. */
async function importThroughApp(page, path, timeout) {
  await page.getByLabel('Choose a trace file to import').setInputFiles(path)
  const done = page.getByText(/^Imported [\d,]+ traces from/)
  const confirm = page
    .getByRole('form', { name: 'Import preview' })
    .getByRole('button', { name: 'Import', exact: true })
  await done.or(confirm).first().waitFor({ timeout: 60_000 })
  if (await confirm.isVisible()) await confirm.click()
  await done.waitFor({ timeout })
  await page.getByRole('button', { name: 'OK' }).click()
}

/** Resolves, in the page, once `predicate` holds and the frame after it was painted. */
const PAINTED = `window.__painted = (predicate) => new Promise((resolve) => {
  const check = () => {
    if (!predicate()) return requestAnimationFrame(check)
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))
  }
  check()
})`

async function measureTable(page, baseURL, traces) {
  await page.addInitScript(PAINTED)
  await page.goto(`${baseURL}/#/traces`)
  // A new document: times count from the start of its navigation, the table read from scratch.
  await page.reload()
  const load = await page.evaluate(async (total) => {
    const all = `${total.toLocaleString('en-US')} traces`
    const first = await window.__painted(() => document.querySelector('[data-testid="trace-row"]'))
    const full = await window.__painted(
      () => document.querySelector('[data-testid="trace-count"]')?.textContent === all,
    )
    return { first, full }
  }, traces)

  // Each column is clicked four times: descending (the first sort by it), ascending, unsorted
  // (source order), descending again (a second sort on the same column, #14).
  const sort = []
  const sortFirst = []
  const sortAgain = []
  for (const column of ['Pivots/1k', 'Chars', 'Backtr.']) {
    for (let i = 0; i < 4; i++) {
      const { ms, topKey } = await page.evaluate(async (name) => {
        const header = [...document.querySelectorAll('th button')].find(
          (b) => b.textContent.replace(/[▲▼]/g, '').trim() === name,
        )
        const started = performance.now()
        header.click()
        const ms = (await window.__painted(() => true)) - started
        const top = document.querySelector('[data-testid="trace-row"] td:nth-child(2)')
        return { ms, topKey: top?.textContent }
      }, column)
      sort.push(ms)
      if (i === 0) sortFirst.push(ms)
      if (i === 1 || i === 3) sortAgain.push(ms)
      if (i === 0) console.log(`  sorted by ${column}: top row ${topKey}`)
    }
  }

  await page.locator('details.filter-panel summary').click()
  const filter = []
  for (let i = 0; i < REPEATS; i++) {
    // React renders a discrete event (input, click) before the event returns: the time to the
    // next painted frame is the time the person waits.
    const value = i % 2 === 0 ? String(14 + i) : ''
    filter.push(
      await page.evaluate(async (v) => {
        const input = document.querySelector('input[aria-label="Pivots per 1k words at least"]')
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
        const started = performance.now()
        setter.call(input, v)
        input.dispatchEvent(new Event('input', { bubbles: true }))
        return (await window.__painted(() => true)) - started
      }, value),
    )
    if (i === 0) console.log(`  filtered: ${await page.getByTestId('trace-count').textContent()}`)
  }
  const shown = await page.getByTestId('trace-count').textContent()

  const scroll = []
  for (let i = 0; i < REPEATS; i++) {
    scroll.push(
      await page.evaluate(async () => {
        const region = document.querySelector('.trace-table-scroll')
        const lastIndex = () =>
          Math.max(
            ...[...document.querySelectorAll('[data-testid="trace-row"]')].map((r) =>
              Number(r.getAttribute('aria-rowindex')),
            ),
          )
        const before = lastIndex()
        const started = performance.now()
        region.scrollTop += region.clientHeight
        const painted = await window.__painted(() => lastIndex() > before)
        return painted - started
      }),
    )
  }
  console.log(
    `  table: filtered view "${shown}"; sort samples ${sort.map((v) => v.toFixed(0)).join(' ')} ms`,
  )
  return [
    { name: 'browse/table.first-rows', value: load.first, unit: 'ms' },
    { name: 'browse/table.all-rows', value: load.full, unit: 'ms' },
    { name: 'browse/table.sort', value: median(sort), unit: 'ms' },
    { name: 'browse/table.sort-first', value: median(sortFirst), unit: 'ms' },
    { name: 'browse/table.sort-again', value: median(sortAgain), unit: 'ms' },
    { name: 'browse/table.sort-max', value: Math.max(...sort), unit: 'ms' },
    { name: 'browse/table.filter', value: median(filter), unit: 'ms' },
    { name: 'browse/table.filter-max', value: Math.max(...filter), unit: 'ms' },
    { name: 'browse/table.scroll-screen', value: median(scroll), unit: 'ms' },
  ]
}

async function measureReader(page) {
  await page.addInitScript(PAINTED)
  await page.reload()
  await page.goto(page.url().replace(/#.*/, '#/traces'))
  const ids = await page.evaluate(async () => {
    await window.__painted(
      () => document.querySelectorAll('[data-testid="trace-row"]').length === 2,
    )
    return Object.fromEntries(
      [...document.querySelectorAll('[data-testid="trace-row"]')].map((r) => [
        r.querySelector('td:nth-child(2)').textContent,
        r.dataset.traceId,
      ]),
    )
  })
  const open = (id) =>
    page.evaluate(async (traceId) => {
      location.hash = '#/'
      await window.__painted(() => !document.querySelector('[data-field="reasoning"]'))
      const started = performance.now()
      location.hash = `#/traces/${traceId}`
      const painted = await window.__painted(() => {
        const field = document.querySelector('.reader-texts [data-field="reasoning"]')
        if (!field || !field.querySelector('[data-start]')) return false
        const prefix = field.dataset.highlightPrefix
        // Wait for the highlights of a highlighted trace; a plain one has none to wait for.
        return (
          !document.querySelector('[data-count]:not([data-count="0"])') ||
          CSS.highlights.has(`${prefix}-pivot-realization`)
        )
      })
      const prefix = document.querySelector('.reader-texts [data-field="reasoning"]').dataset
        .highlightPrefix
      let ranges = 0
      for (const [name, h] of CSS.highlights) if (name.startsWith(prefix)) ranges += h.size
      return { ms: painted - started, ranges }
    }, id)
  // A B A B (bench/ab.mjs): the plain trace, then the highlighted one, 5 pairs; the ratio is the
  // median of the per-pair ratios.
  let ranges = 0
  const ab = await abab({
    pairs: 5,
    baseline: async () => (await open(ids['long-plain'])).ms,
    measured: async () => {
      const r = await open(ids['long-pivots'])
      ranges = r.ranges
      return r.ms
    },
  })
  const plain = ab.rows.map((r) => r.b)
  const pivots = ab.rows.map((r) => r.m)
  const frames = await scrollFrames(page)
  await open(ids['long-plain'])
  const plainFrames = await scrollFrames(page)
  const sortedFrames = [...frames].sort((a, b) => a - b)
  const p95 = sortedFrames[Math.floor(sortedFrames.length * 0.95)]
  return [
    { name: 'browse/reader.highlight-ranges', value: ranges, unit: 'ranges' },
    { name: 'browse/reader.open-plain', value: median(plain), unit: 'ms' },
    { name: 'browse/reader.open-highlighted', value: median(pivots), unit: 'ms' },
    { name: 'browse/reader.open-highlighted/plain', value: ab.ratio, unit: 'ratio' },
    { name: 'browse/reader.scroll-frames', value: frames.length, unit: 'frames' },
    { name: 'browse/reader.scroll-frame-median', value: median(frames), unit: 'ms' },
    { name: 'browse/reader.scroll-frame-p95', value: p95, unit: 'ms' },
    { name: 'browse/reader.scroll-frame-max', value: Math.max(...frames), unit: 'ms' },
    { name: 'browse/reader.scroll-frame-max-plain', value: Math.max(...plainFrames), unit: 'ms' },
  ]
}

/** rAF deltas while the window scrolls SCROLL_STEP px a frame from the top of the trace to its end. */
function scrollFrames(page) {
  return page.evaluate(async (SCROLL_STEP) => {
    window.scrollTo(0, 0)
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    const deltas = []
    let last = performance.now()
    const bottom = document.documentElement.scrollHeight - innerHeight
    await new Promise((resolve) => {
      const step = (now) => {
        deltas.push(now - last)
        last = now
        if (window.scrollY >= bottom - 1 || deltas.length > 2000) return resolve()
        window.scrollBy(0, SCROLL_STEP)
        requestAnimationFrame(step)
      }
      requestAnimationFrame(step)
    })
    return deltas.slice(1)
  }, SCROLL_STEP)
}
