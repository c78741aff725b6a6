/**
 * The compare view (issue #11), in a fresh profile with its traces imported through the app:
 * - open: four 50,000-character traces of one problem, `#/compare?ids=…` from the datasets page
 *   to painted (every pane's text, its pivot highlights, the metrics strip and the timelines),
 *   5 times, the median and the slowest;
 * - diff: two 100,000-character traces (the second a revision of the first: a fifth of its
 *   paragraphs rewritten, some added) by step and by sentence, from the choice to the summary
 *   painted, while the main thread's long tasks are recorded (PerformanceObserver 'longtask',
 *   which reports tasks over 50 ms: 0 means none) and a message-channel ping measures the
 *   longest gap between two turns of the main thread (finer than the 50 ms threshold).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { median, withFreshProfile } from '../browser.mjs'
import { makeTrace } from '../synthetic-trace.mjs'
import { importThroughApp, PAINTED } from './browse.mjs'

const OPENS = 5

export default {
  name: 'compare',
  async run({ baseURL }) {
    const path = writeCompareTraces()
    return withFreshProfile(async ({ page }) => {
      await page.addInitScript(PAINTED)
      await page.addInitScript(COMPARE_PAINTED)
      await page.goto(`${baseURL}/#/`)
      await importThroughApp(page, path, 120_000)
      const ids = await traceIds(page)
      const open = await measureOpen(
        page,
        ['open-1', 'open-2', 'open-3', 'open-4'].map((k) => ids[k]),
      )
      const diff = await measureDiff(page, [ids['diff-a'], ids['diff-b']])
      return [...open, ...diff]
    })
  },
}

function writeCompareTraces(dir = '.bench-data') {
  const problem = 'Find the smallest positive integer n such that n^2 + 3 is divisible by 7.'
  const open = [1, 2, 3, 4].map((i) => {
    const t = makeTrace(1000 + i, 50_000)
    return { ...t, id: `open-${i}`, problem, reasoning: t.reasoning.slice(0, 50_000) }
  })
  const a = makeTrace(2000, 100_000).reasoning.slice(0, 100_000)
  const other = makeTrace(2001, 100_000).reasoning.split('\n\n')
  const b = a
    .split('\n\n')
    .flatMap((p, i) =>
      i % 5 === 2 ? [other[i] ?? p] : i % 17 === 0 ? [p, other[i + 1] ?? p] : [p],
    )
    .join('\n\n')
  const diff = [
    { id: 'diff-a', problem, reasoning: a, answer: 'The answer is \\boxed{2}.' },
    { id: 'diff-b', problem, reasoning: b, answer: 'The answer is \\boxed{2}.' },
  ]
  mkdirSync(dir, { recursive: true })
  const path = `${dir}/compare-traces.jsonl`
  writeFileSync(path, [...open, ...diff].map((t) => JSON.stringify(t)).join('\n') + '\n')
  return path
}

/** Trace key to trace id, from the all-traces table. */
async function traceIds(page) {
  await page.evaluate(() => (location.hash = '#/traces'))
  return page.evaluate(async () => {
    await window.__painted(
      () => document.querySelectorAll('[data-testid="trace-row"]').length === 6,
    )
    return Object.fromEntries(
      [...document.querySelectorAll('[data-testid="trace-row"]')].map((r) => [
        r.querySelector('td:nth-child(2)').textContent,
        r.dataset.traceId,
      ]),
    )
  })
}

/** In the page: every pane's text, pivot highlights, the strip and the timelines are there. */
const COMPARE_PAINTED = `window.__comparePainted = (count) => window.__painted(() => {
  const panes = [...document.querySelectorAll('[data-testid="compare-pane"]')]
  if (panes.length !== count) return false
  if (!document.querySelector('[data-testid="metrics-strip"]')) return false
  if (document.querySelectorAll('[data-testid="pivot-timeline"]').length !== count) return false
  return panes.every((p) => {
    const field = p.querySelector('[data-field="reasoning"]')
    if (!field || !field.querySelector('[data-start]')) return false
    const prefix = field.dataset.highlightPrefix
    return [...CSS.highlights.keys()].some((k) => k.startsWith(prefix + '-pivot-'))
  })
})`

async function openCompare(page, ids) {
  return page.evaluate(async (ids) => {
    location.hash = '#/'
    await window.__painted(() => !document.querySelector('[data-testid="compare-pane"]'))
    const started = performance.now()
    location.hash = `#/compare?ids=${ids.map(encodeURIComponent).join(',')}`
    return (await window.__comparePainted(ids.length)) - started
  }, ids)
}

async function measureOpen(page, ids) {
  const times = []
  for (let i = 0; i < OPENS; i++) times.push(await openCompare(page, ids))
  console.log(`  open 4 x 50k: ${times.map((v) => v.toFixed(0)).join(' ')} ms`)
  return [
    { name: 'compare/open-4x50k', value: median(times), unit: 'ms' },
    { name: 'compare/open-4x50k-max', value: Math.max(...times), unit: 'ms' },
  ]
}

async function measureDiff(page, ids) {
  await openCompare(page, ids)
  const runs = {}
  for (const unit of ['step', 'sentence']) {
    runs[unit] = await page.evaluate(async (unit) => {
      const select = document.querySelector('select[aria-label="Diff by"]')
      const choose = (value) => {
        const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set
        setter.call(select, value)
        select.dispatchEvent(new Event('change', { bubbles: true }))
      }
      choose('')
      await window.__painted(() => !document.querySelector('[data-testid="diff-summary"]'))
      const long = []
      const observer = new PerformanceObserver((list) => long.push(...list.getEntries()))
      observer.observe({ type: 'longtask' })
      // The main thread's turns: a ping through a message channel, as often as it can run.
      let gap = 0
      let last = performance.now()
      let pinging = true
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        const now = performance.now()
        gap = Math.max(gap, now - last)
        last = now
        if (pinging) channel.port2.postMessage(0)
      }
      channel.port2.postMessage(0)
      const started = performance.now()
      choose(unit)
      const painted = await window.__painted(() =>
        document.querySelector('[data-testid="diff-summary"]'),
      )
      pinging = false
      long.push(...observer.takeRecords())
      observer.disconnect()
      const during = long.filter((e) => e.startTime + e.duration >= started)
      return {
        ms: painted - started,
        longest: Math.max(0, ...during.map((e) => e.duration)),
        longTasks: during.length,
        gap,
        summary: document.querySelector('[data-testid="diff-summary"]').textContent,
      }
    }, unit)
    console.log(
      `  diff 100k by ${unit}: ${runs[unit].ms.toFixed(0)} ms, longest task ${runs[unit].longest.toFixed(0)} ms (${runs[unit].longTasks} over 50 ms), longest main-thread gap ${runs[unit].gap.toFixed(0)} ms; ${runs[unit].summary}`,
    )
  }
  const { step, sentence } = runs
  return [
    { name: 'compare/diff-100k-step-ms', value: step.ms, unit: 'ms' },
    { name: 'compare/diff-100k-sentence-ms', value: sentence.ms, unit: 'ms' },
    {
      name: 'compare/diff-100k-longest-task',
      value: Math.max(step.longest, sentence.longest),
      unit: 'ms',
    },
    { name: 'compare/diff-100k-max-gap', value: Math.max(step.gap, sentence.gap), unit: 'ms' },
  ]
}
