/// <reference types="node" />
/**
 * The one-pass analysis (one-pass.ts) against the separate passes it replaced (one regular
 * expression per concern; git history before #14's deletion commit, `src/lib/analysis/legacy/`).
 * Until the new walk matched them they ran side by side here; their results were then recorded
 * as SHA-256 digests of the JSON of `analyseText` and `computeMetrics` (one-pass.golden.json):
 * - every text of every file in ../shared/fixtures/real/, with each of the three preset lexicons;
 * - a fixed, seeded corpus of 3,000 random texts mixing ASCII, accented and case-folding oddities
 *   (ſ, K, ß, ς, İ), CJK, emoji, lone surrogates and CRLF line ends, with presets and random
 *   lexicons (phrases starting or ending with non-word characters included).
 * Any change to what the analysis finds changes a digest: re-record with UPDATE_GOLDEN=1 only
 * for an intended change of a definition, and say so in the commit.
 */
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasRealFixtures, REAL_FIXTURES, realFixture } from '../../testing/real-fixtures'
import type { Lexicon } from '../traces/trace-model'
import { readRecords } from '../import/formats/read-records'
import { LEXICON_PRESETS } from './lexicon-presets'
import { compileLexicon } from './match-pivots'
import type { CompiledLexicon } from './match-pivots'
import { analyseText, computeMetrics } from './metrics'
import { segmentSteps } from './one-pass'

const missing = !hasRealFixtures
const goldenPath = fileURLToPath(new URL('./one-pass.golden.json', import.meta.url))

/** Every string inside a parsed value, depth first. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const v of value) strings(v, out)
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) strings(v, out)
  return out
}

/** The texts of one fixture file: every string of every record, or the whole file. */
async function textsOf(name: string): Promise<string[]> {
  if (name.endsWith('.jsonl')) {
    const lines = readFileSync(realFixture(name), 'utf8').split('\n')
    return lines.filter((l) => l.trim() !== '').flatMap((l) => strings(JSON.parse(l)))
  }
  if (name.endsWith('.json')) return strings(JSON.parse(readFileSync(realFixture(name), 'utf8')))
  if (name.endsWith('.parquet')) {
    const out: string[] = []
    const blob = new Blob([new Uint8Array(readFileSync(realFixture(name)))])
    for await (const r of readRecords(blob, name)) if (r.ok) strings(r.record, out)
    return out
  }
  return [readFileSync(realFixture(name), 'utf8')]
}

const presets = LEXICON_PRESETS.map((l) => compileLexicon(l))

const analysed = (text: string, compiled: CompiledLexicon) =>
  JSON.stringify([analyseText(text, compiled), computeMetrics(text, '', compiled)])

describe.skipIf(missing)('one pass on every real fixture', () => {
  const files = missing ? [] : readdirSync(REAL_FIXTURES).sort()

  it('is byte-identical to the separate passes, with each preset lexicon', async () => {
    const digests: Record<string, string> = {}
    let texts = 0
    for (const name of files) {
      const hash = createHash('sha256')
      for (const text of await textsOf(name)) {
        texts++
        for (const p of presets) hash.update(analysed(text, p))
      }
      digests[name] = hash.digest('hex')
    }
    expect(texts).toBeGreaterThan(1000)
    const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as Record<string, string>
    if (process.env.UPDATE_GOLDEN)
      writeFileSync(goldenPath, `${JSON.stringify({ ...golden, ...digests }, null, 2)}\n`)
    for (const name of files) expect(digests[name], name).toBe(golden[name])
  }, 300_000)
})

const PIECES = [
  'wait',
  'Wait',
  'WAIT',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\r\n',
  '\r\n\r\n',
  '\t',
  '\u00a0',
  '\u3000',
  '.',
  '?!',
  '."',
  '.)',
  '”',
  '’',
  "'",
  'but wait',
  'But\nwait',
  'actually',
  "that's not right",
  'that’s  not right',
  'let me check',
  'Let me  verify',
  'hmm',
  'Hmm,',
  'alternatively',
  'so',
  'é',
  'ohé',
  'ſo',
  'K',
  'ß',
  'ς',
  'σ',
  'İ',
  'ı',
  '答案',
  '我们',
  'カタ',
  '한',
  '😀',
  '✅',
  '𝑥',
  '\ud83d',
  '\ude00',
  'x=3',
  '_',
  '42',
  '--',
  'a',
  'ok',
  'The answer is 5.',
  '\\boxed{3}',
]

const RANDOM_PHRASES = [
  'wait',
  'so',
  'ohé',
  '答案',
  '?!',
  "that's",
  'ſo',
  'σ',
  'let me',
  'k',
  '😀 ok',
  'x',
]

function randomLexicon(picks: number[][]): Lexicon {
  return {
    id: 'random',
    name: 'Random',
    categories: picks.map((indices, c) => ({
      id: `c${c}`,
      name: `c${c}`,
      color: '#fff',
      phrases: indices.map((i) => RANDOM_PHRASES[i % RANDOM_PHRASES.length]!),
    })),
  }
}

describe('one pass on a fixed random corpus', () => {
  it('gives the digest the separate passes gave (seeded texts and lexicons)', () => {
    const texts = fc.sample(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), {
      seed: 14,
      numRuns: 3000,
    })
    const picks = fc.sample(
      fc.array(fc.array(fc.nat(40), { maxLength: 5 }), { minLength: 1, maxLength: 3 }),
      {
        seed: 15,
        numRuns: 3000,
      },
    )
    const hash = createHash('sha256')
    texts.forEach((pieces, k) => {
      const lexicon = k % 4 === 0 ? compileLexicon(randomLexicon(picks[k]!)) : presets[k % 3]!
      hash.update(analysed(pieces.join(''), lexicon))
    })
    const now = hash.digest('hex')
    const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as Record<string, string>
    if (process.env.UPDATE_GOLDEN) {
      golden['(random corpus)'] = now
      writeFileSync(goldenPath, `${JSON.stringify(golden, null, 2)}\n`)
    }
    expect(now).toBe(golden['(random corpus)'])
  }, 120_000)
})

describe('steps, which the reader takes from its analysis (segmentSteps reuses that walk)', () => {
  /** A walk of `text` for its steps alone: another text is walked first, so none is reused. */
  const freshSteps = (text: string) => {
    segmentSteps(`${text}.`)
    return segmentSteps(text)
  }

  it('do not depend on the lexicon (texts of the pieces, random lexicons)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }),
        fc.array(fc.array(fc.nat(40), { maxLength: 5 }), { minLength: 1, maxLength: 3 }),
        (pieces, picks) => {
          const text = pieces.join('')
          const steps = analyseText(text, compileLexicon(randomLexicon(picks))).steps
          expect(freshSteps(text)).toEqual(steps)
        },
      ),
    )
  })

  it.skipIf(missing)(
    'do not depend on the lexicon (every real fixture, the default lexicon)',
    async () => {
      for (const name of readdirSync(REAL_FIXTURES).sort()) {
        for (const text of await textsOf(name)) {
          expect(freshSteps(text), name).toEqual(analyseText(text, presets[0]!).steps)
        }
      }
    },
    300_000,
  )

  it('are reused from the analysis of the same text, as a copy of their own', () => {
    const text = 'First step. Wait, really?\n\nSecond step.\n\n\nThird.'
    const { steps } = analyseText(text, presets[0]!)
    const reused = segmentSteps(text.slice(0, 10) + text.slice(10))
    expect(reused).toEqual(steps)
    expect(reused).not.toBe(steps)
    expect(freshSteps(text)).toEqual(steps)
  })
})
