/**
 * A deterministic synthetic dataset of reasoning traces for the benchmarks: the same options
 * always give the same bytes. Each trace is about `chars` characters of paragraphs in the style
 * of a reasoning model, with pivots ("Wait", "Hmm", "Alternatively", "Let me check", ...) and a
 * boxed answer. Written as JSONL, streamed to disk with backpressure.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname } from 'node:path'

import { makeTrace } from './synthetic-trace.mjs'

export { makeTrace }

const GENERATOR_VERSION = 1

/** Writes (or reuses) the dataset file; returns its path and size. */
export async function ensureDataset({ traces, chars = 20_000, seed = 1, dir = '.bench-data' }) {
  const path = `${dir}/traces-v${GENERATOR_VERSION}-n${traces}-c${chars}-s${seed}.jsonl`
  if (existsSync(path)) return { path, bytes: statSync(path).size }
  mkdirSync(dirname(path), { recursive: true })
  const partial = `${path}.partial`
  const out = createWriteStream(partial)
  for (let i = 0; i < traces; i++) {
    const ok = out.write(`${JSON.stringify(makeTrace(i, chars, seed))}\n`)
    if (!ok) await new Promise((r) => out.once('drain', r))
  }
  await new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())))
  renameSync(partial, path)
  return { path, bytes: statSync(path).size }
}
