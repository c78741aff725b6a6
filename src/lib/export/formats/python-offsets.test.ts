import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bundleArb, sampleBundle } from '../../../testing/trace-bundles'
import type { TraceBundle } from '../tracemark-schema'
import { exportFormat, type ExportFormatId } from './index'
import { traceSource } from './web-annotation'

const FILES: [ExportFormatId, string][] = [
  ['tracemark', 'tracemark.jsonl'],
  ['doccano', 'doccano.jsonl'],
  ['doccano-relations', 'doccano-relations.jsonl'],
  ['label-studio', 'label-studio.json'],
  ['web-annotation', 'web-annotation.jsonld'],
  ['brat', 'brat.zip'],
  ['spacy', 'spacy.jsonl'],
  ['parquet', 'export.parquet'],
]

const python = spawnSync('python3', ['--version']).status === 0

/** The sample (emoji, CJK) and generated traces (emoji, CJK, CRLF, overlaps), with unique sources. */
function bundles(): TraceBundle[] {
  const generated = fc.sample(bundleArb, { numRuns: 40, seed: 8 })
  return [sampleBundle(), ...generated].map((b, i) => ({
    ...b,
    dataset: { ...b.dataset, name: `set ${i}` },
    trace: { ...b.trace, key: `trace ${i}` },
  }))
}

describe.skipIf(!python)('exported offsets, checked by Python', () => {
  it('every format’s offsets slice out each span’s text in Python', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracemark-offsets-'))
    try {
      const all = bundles()
      for (const [id, name] of FILES) {
        const writer = exportFormat(id).create({ texts: true })
        const parts = [...all.flatMap((b) => writer.add(b)), ...writer.finish()]
        writeFileSync(join(dir, name), new Uint8Array(await new Blob(parts).arrayBuffer()))
      }
      const sources = Object.fromEntries(all.map((b) => [traceSource(b), b.texts.reasoning]))
      writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources))
      const run = spawnSync('python3', [resolve(import.meta.dirname, 'check_offsets.py'), dir], {
        encoding: 'utf8',
      })
      expect(run.stderr).toBe('')
      expect(run.status, run.stdout).toBe(0)
      const lines = run.stdout.trim().split('\n')
      expect(lines.filter((l) => / spans select their text$/.test(l))).toHaveLength(
        lines.some((l) => l.startsWith('parquet: skipped')) ? 7 : 8,
      )
      for (const line of lines) console.warn(`python3 check_offsets.py: ${line}`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

if (!python) console.warn('python3 not found: the Python offset check is skipped')
