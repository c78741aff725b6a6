import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { bundleArb, nth, sampleBundle } from '../../testing/trace-bundles'
import {
  ExportError,
  parseTracemarkLine,
  toTracemarkLine,
  type TraceBundle,
} from './tracemark-jsonl'

describe('toTracemarkLine', () => {
  it('writes one line with both offset units and the quote', () => {
    const line = toTracemarkLine(sampleBundle())
    expect(line).not.toContain('\n')
    const json = JSON.parse(line)
    expect(json).toMatchObject({ format: 'tracemark', version: 1, offset_unit: 'utf16' })
    expect(Object.keys(json)).toEqual([
      'format',
      'version',
      'offset_unit',
      'dataset',
      'trace',
      'problem',
      'reasoning',
      'answer',
      'gold',
      'extra',
      'spans',
      'relations',
    ])
    // "Try 7*8 😀 = 56.\n" is 17 UTF-16 units but 16 code points; 🎉 adds one more unit.
    expect(json.spans[0]).toMatchObject({
      field: 'reasoning',
      start: 17,
      end: 21,
      start_cp: 16,
      end_cp: 20,
      text: 'Wait',
    })
    expect(json.spans[1]).toMatchObject({
      start: 23,
      end: 34,
      start_cp: 22,
      end_cp: 32,
      text: '中文 check 🎉',
    })
    expect(json.trace.truncated).toBe(true)
    expect(json.spans[1].attributes).toEqual({ importance: 0.25, tags: ['x'] })
    expect('attributes' in json.spans[0]).toBe(false)
    expect(json.trace.metrics).toMatchObject({
      pivots_per_1k: 22.727272727272727,
      first_pivot_at: 0.5,
    })
    expect(json.relations).toEqual([
      { id: 'r1', from: 's1', to: 's2', label: 'triggers', annotator: 'ann@example.org' },
    ])
  })

  it('lets Python-style code-point slicing recover every span text', () => {
    const json = JSON.parse(toTracemarkLine(sampleBundle()))
    for (const span of json.spans) {
      expect([...json[span.field]].slice(span.start_cp, span.end_cp).join('')).toBe(span.text)
    }
  })

  it('escapes separators that line splitters other than "\\n" would break on', () => {
    const bundle = sampleBundle()
    bundle.texts.gold = 'a\u2028b\u2029c\u0085d'
    const line = toTracemarkLine(bundle)
    expect(line).toContain('a\\u2028b\\u2029c\\u0085d')
    expect(line).not.toMatch(/[\u2028\u2029\u0085]/)
    expect(parseTracemarkLine(line, 1).texts.gold).toBe('a\u2028b\u2029c\u0085d')
  })

  it('refuses an orphaned span, naming trace and span', () => {
    const bundle = sampleBundle()
    bundle.texts.reasoning = bundle.texts.reasoning.replace('Wait', 'Hmm,')
    const error = catchError(() => toTracemarkLine(bundle))
    expect(error).toBeInstanceOf(ExportError)
    expect(error).toMatchObject({ traceKey: '42', spanId: 's1' })
    expect((error as Error).message).toMatch(/trace "42", span "s1".*"Hmm,".*"Wait"/)
  })

  it('refuses a span that splits a surrogate pair, even when the quote matches', () => {
    const bundle = sampleBundle()
    const { reasoning } = bundle.texts
    const emoji = reasoning.indexOf('😀')
    const quote = reasoning.slice(emoji + 1, emoji + 3)
    Object.assign(nth(bundle.annotations, 0), { start: emoji + 1, end: emoji + 3, quote })
    expect(() => toTracemarkLine(bundle)).toThrow(/span "s1".*surrogate pair/)
  })

  it.each<[string, (bundle: TraceBundle) => unknown, RegExp]>([
    [
      'past the end',
      (b) => Object.assign(nth(b.annotations, 0), { end: 999 }),
      /span "s1".*past the end/,
    ],
    [
      'unknown field',
      (b) => Object.assign(nth(b.annotations, 0), { field: 'gold' }),
      /span "s1".*unknown field/,
    ],
    [
      'other trace',
      (b) => Object.assign(nth(b.annotations, 0), { traceId: 't9' }),
      /span "s1".*trace t9/,
    ],
    [
      'duplicate id',
      (b) => Object.assign(nth(b.annotations, 1), { id: 's1' }),
      /span "s1": duplicate span id/,
    ],
    [
      'dangling relation',
      (b) => Object.assign(nth(b.relations, 0), { to: 'gone' }),
      /span "gone".*relation r1/,
    ],
    [
      'texts of another trace',
      (b) => Object.assign(b.texts, { traceId: 't2' }),
      /trace "42": texts belong/,
    ],
    ['trace of another dataset', (b) => Object.assign(b.trace, { datasetId: 'd2' }), /dataset d2/],
  ])('refuses a bundle with %s', (_name, spoil, message) => {
    const bundle = sampleBundle()
    spoil(bundle)
    expect(() => toTracemarkLine(bundle)).toThrow(ExportError)
    expect(() => toTracemarkLine(bundle)).toThrow(message)
  })
})

describe('Tracemark JSONL round trip', () => {
  it('restores the sample exactly', () => {
    const bundle = sampleBundle()
    expect(parseTracemarkLine(toTracemarkLine(bundle), 1)).toEqual(bundle)
  })

  it('keeps a trace without a truncation flag and a span without attributes as they were', () => {
    const bundle = sampleBundle()
    delete bundle.trace.truncated
    delete nth(bundle.annotations, 1).attributes
    const line = toTracemarkLine(bundle)
    expect(line).not.toContain('truncated')
    expect(line).not.toContain('attributes')
    expect(parseTracemarkLine(line, 1)).toStrictEqual(bundle)
  })

  it('names the line and field of bad attributes or a bad truncation flag', () => {
    const json = JSON.parse(toTracemarkLine(sampleBundle()))
    json.trace.truncated = 'yes'
    expect(() => parseTracemarkLine(JSON.stringify(json), 3)).toThrow(/line 3, trace.truncated/)
    json.trace.truncated = false
    json.spans[1].attributes = [1]
    expect(() => parseTracemarkLine(JSON.stringify(json), 4)).toThrow(
      /line 4, spans\[1\].attributes/,
    )
  })

  it('restores any valid bundle exactly (property)', () => {
    fc.assert(
      fc.property(bundleArb, (bundle) => {
        const line = toTracemarkLine(bundle)
        expect(line).not.toMatch(/[\n\r\u2028\u2029\u0085]/)
        expect(parseTracemarkLine(line, 7)).toStrictEqual(bundle)
      }),
      { numRuns: 300 },
    )
    // 300 random bundles take ~2.5 s alone; a shared, loaded machine needs more room.
  }, 30_000)

  it('gives code-point offsets that slice the same text (property)', () => {
    fc.assert(
      fc.property(bundleArb, (bundle) => {
        const json = JSON.parse(toTracemarkLine(bundle))
        for (const span of json.spans) {
          const text: string = json[span.field]
          expect([...text].slice(span.start_cp, span.end_cp).join('')).toBe(span.text)
          expect(text.slice(span.start, span.end)).toBe(span.text)
        }
      }),
    )
  })
})

function catchError(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}
