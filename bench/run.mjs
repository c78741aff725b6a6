/**
 * `npm run bench`: measures Tracemark in real Chromium, separately from `npm test` (timings on
 * shared machines are noisy; every speed is reported as a ratio against a baseline measured in
 * the same run, A B A B with the median of the per-pair ratios: bench/ab.mjs). Builds the app
 * with the bench pages, serves it, runs each suite in a fresh browser profile, writes
 * bench/results/latest.json, prints a table and one line per target, held or short
 * (bench/targets.mjs).
 *
 *   npm run bench                       # full size: 100,000 traces of ~20,000 characters
 *   npm run bench -- --traces 2000      # a quick run (under 5 minutes)
 *   npm run bench -- --only import      # some suites only (comma-separated)
 *   npm run bench -- --pairs 5          # more A/B pairs (default 3)
 *
 * A suite is a module in bench/suites/ exporting { name, run(ctx) -> [{ name, value, unit }] },
 * listed in bench/suites/index.mjs; ctx holds baseURL, traces, chars and pairs.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import { PAIRS } from './ab.mjs'
import { build, serve } from './serve.mjs'
import { suites } from './suites/index.mjs'
import { summarise } from './targets.mjs'

const { values } = parseArgs({
  options: {
    traces: { type: 'string', default: '100000' },
    chars: { type: 'string', default: '20000' },
    only: { type: 'string' },
    port: { type: 'string', default: '4183' },
    pairs: { type: 'string', default: String(PAIRS) },
  },
})
const options = {
  traces: Number(values.traces),
  chars: Number(values.chars),
  pairs: Math.max(3, Number(values.pairs)),
}
const benchStarted = Date.now()
const only = values.only?.split(',')

console.log(`building the app with its bench pages…`)
build('dist-bench', { bench: true })
const server = await serve('dist-bench', values.port)
const baseURL = server.url

const results = []
try {
  for (const suite of suites.filter((s) => !only || only.includes(s.name))) {
    console.log(`\n▶ ${suite.name}`)
    const started = Date.now()
    for (const r of await suite.run({ baseURL, ...options })) {
      results.push(r)
      console.log(`  ${r.name}: ${format(r.value)} ${r.unit}`)
    }
    console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  }
} finally {
  server.stop()
}

const { lines, checks } = summarise(results)
const seconds = Math.round((Date.now() - benchStarted) / 1000)
const report = {
  date: new Date().toISOString(),
  seconds,
  machine: {
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  options,
  results,
  targets: checks,
}
mkdirSync('bench/results', { recursive: true })
writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`)
console.log(`\n${table(results)}\n\n${lines.join('\n')}\n`)
console.log(
  `${options.traces.toLocaleString('en-US')} traces, ${options.pairs} A/B pairs; ${seconds} s in all; written to bench/results/latest.json`,
)

function format(v) {
  return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(v < 10 ? 3 : 1)
}

function table(rows) {
  const width = Math.max(...rows.map((r) => r.name.length), 4)
  const lines = rows.map(
    (r) => `${r.name.padEnd(width)}  ${format(r.value).padStart(12)}  ${r.unit}`,
  )
  return [`${'name'.padEnd(width)}  ${'value'.padStart(12)}  unit`, ...lines].join('\n')
}
