import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { bundleArb, sampleBundle } from '../../testing/trace-bundles'
import { toDoccanoLine } from '../export/formats/doccano'
import { toLabelStudioTask } from '../export/formats/label-studio'
import { isLabel } from '../export/formats/labelled-spans'
import type { TraceBundle } from '../export/tracemark-schema'
import { detectForeign, ForeignConverter } from './foreign-annotations'
import { problemHash } from './problem-hash'

const TEXT = 'Hmm 😀 wait, 中文 check.'
const at = (q: string) => [TEXT.indexOf(q), TEXT.indexOf(q) + q.length] as const

/** What must survive: each reasoning span a format carries, in reading order. */
const spansOf = (bundle: TraceBundle) =>
  bundle.annotations
    .filter((a) => a.field === 'reasoning' && isLabel(a))
    .map((a) => [a.start, a.end, a.label, a.quote, a.annotator, a.note])
    .sort((x, y) => (x[0] as number) - (y[0] as number) || (x[1] as number) - (y[1] as number))

const byAll = (x: unknown[], y: unknown[]) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1)

describe('detectForeign', () => {
  it('tells doccano lines and Label Studio tasks by shape', () => {
    expect(detectForeign({ text: 'a', label: [] })).toBe('doccano')
    expect(detectForeign({ text: 'a', entities: [], relations: [] })).toBe('doccano')
    expect(detectForeign({ data: { text: 'a' }, annotations: [] })).toBe('label-studio')
    expect(detectForeign({ text: 'a', reasoning: 'b' })).toBeNull()
    expect(detectForeign({ format: 'tracemark' })).toBeNull()
  })
})

describe('ForeignConverter', () => {
  it('reads a doccano line: spans on the reasoning, the file name as annotator', () => {
    const [s, e] = at('wait')
    const record = new ForeignConverter('bo.jsonl').convert(
      { text: TEXT, label: [[s, e, 'realization']], id: 'k1', problem: 'P?', tags: ['t'] },
      3,
    )
    expect(record.trace).toMatchObject({
      key: 'k1',
      tags: ['t'],
      ordinal: 3,
      problemHash: problemHash('P?', 'k1'),
    })
    expect(record.texts).toMatchObject({ reasoning: TEXT, problem: 'P?' })
    expect(record.annotations).toEqual([
      expect.objectContaining({
        start: s,
        end: e,
        quote: 'wait',
        annotator: 'bo',
        origin: 'imported',
      }),
    ])
  })

  it('reads the relations variant, rewiring relations to the spans', () => {
    const record = new ForeignConverter('x.jsonl').convert(
      {
        text: TEXT,
        entities: [
          { id: 7, start_offset: at('wait')[0], end_offset: at('wait')[1], label: 'a' },
          { id: 9, start_offset: at('中文')[0], end_offset: at('中文')[1], label: 'b' },
        ],
        relations: [{ id: 0, from_id: 9, to_id: 7, type: 'verifies' }],
      },
      1,
    )
    const [a, b] = record.annotations
    expect(record.relations).toEqual([
      expect.objectContaining({ from: b!.id, to: a!.id, label: 'verifies' }),
    ])
  })

  it('reads a Label Studio task: annotator, per-region note, choices as tags, relations', () => {
    const [s, e] = at('中文 check')
    const task = {
      id: 4,
      data: { text: TEXT, key: 'k4', problem: 'Why?' },
      annotations: [
        {
          completed_by: { id: 1, email: 'cy@example.org' },
          result: [
            {
              id: 'r1',
              type: 'labels',
              value: { start: s, end: e, text: '中文 check', labels: ['v'] },
            },
            { id: 'r1', type: 'textarea', value: { start: s, end: e, text: ['a note'] } },
            { id: 'r2', type: 'labels', value: { start: 0, end: 3, labels: ['w'] } },
            { type: 'relation', from_id: 'r2', to_id: 'r1', labels: ['leads-to'] },
            { id: 'c', type: 'choices', value: { choices: ['terse'] } },
          ],
        },
        // A second annotator who chose no tag: an empty entry, an answer for agreement.
        {
          completed_by: { id: 2, email: 'bo@example.org' },
          result: [{ type: 'choices', value: { choices: [] } }],
        },
      ],
      predictions: [
        {
          model_version: 'lexicon',
          result: [
            { id: 'p', type: 'labels', value: { start: 0, end: 3, labels: ['w'] } },
            { type: 'choices', value: { choices: ['guess'] } },
          ],
        },
      ],
    }
    const record = new ForeignConverter('ls.json').convert(task, 2)
    expect(record.trace.key).toBe('k4')
    expect(record.trace.tags).toEqual(['terse', 'guess'])
    // Choices by annotator; a prediction's are not anyone's.
    expect(record.trace.tagsBy).toEqual({ 'cy@example.org': ['terse'], 'bo@example.org': [] })
    expect(
      record.annotations.map((a) => [a.quote, a.label, a.annotator, a.note, a.origin]),
    ).toEqual([
      ['中文 check', 'v', 'cy@example.org', 'a note', 'imported'],
      ['Hmm', 'w', 'cy@example.org', '', 'imported'],
      ['Hmm', 'w', 'lexicon', '', 'suggestion'],
    ])
    expect(record.relations).toHaveLength(1)
  })

  it.each<[string, unknown, RegExp]>([
    [
      'past the end',
      { text: 'abc', label: [[1, 9, 'x']] },
      /^line 5, label\[0\]: end 9 is past the end/,
    ],
    ['before start', { text: 'abc', label: [[2, 1, 'x']] }, /^line 5, label\[0\]: end 1 is before/],
    [
      'splitting an emoji',
      { text: '😀', label: [[1, 2, 'x']] },
      /^line 5, label\[0\]: .*surrogate/,
    ],
    [
      'not its text',
      {
        data: { text: 'abc' },
        annotations: [
          { result: [{ type: 'labels', value: { start: 0, end: 2, text: 'xy', labels: ['x'] } }] },
        ],
      },
      /^line 5, annotations\[0\].result\[0\].value: offsets 0..2 select "ab", not the span's text "xy"/,
    ],
    [
      'a bad label item',
      { text: 'abc', label: [[0, 1]] },
      /^line 5, label\[0\]: expected \[start, end/,
    ],
    [
      'a relation to a missing span',
      { text: 'abc', entities: [], relations: [{ from_id: 1, to_id: 2, type: 'r' }] },
      /^line 5, relations\[0\]: no span with id "1"/,
    ],
  ])('refuses a span %s, naming line and field', (_name, value, message) => {
    expect(() => new ForeignConverter('f.jsonl').convert(value, 5)).toThrow(message)
  })

  it('refuses an unknown label when the labels are known', () => {
    const converter = new ForeignConverter('f.jsonl', new Set(['realization']))
    expect(() => converter.convert({ text: 'abc', label: [[0, 1, 'PIVOT']] }, 2)).toThrow(
      /line 2, label\[0\]: unknown label "PIVOT"/,
    )
  })

  it('reads back what the doccano and Label Studio exporters write (property)', () => {
    const converter = new ForeignConverter('f.jsonl')
    const check = (bundle: TraceBundle) => {
      // An unnamed annotator becomes the file's name ("f").
      const wanted = spansOf(bundle)
        .map((s) => [...s.slice(0, 4), s[4] || 'f', s[5]])
        .sort(byAll)
      for (const withRelations of [false, true]) {
        const line = JSON.parse(toDoccanoLine(bundle, withRelations))
        const back = converter.convert(line, 1)
        expect(back.trace.key).toBe(bundle.trace.key)
        expect(back.trace.problemHash).toBe(bundle.trace.problemHash)
        expect(back.trace.tags).toEqual(bundle.trace.tags)
        expect(spansOf(back).sort(byAll)).toEqual(wanted)
      }
      const task = JSON.parse(JSON.stringify(toLabelStudioTask(bundle, 1)))
      const back = converter.convert(task, 1)
      const imported = back.annotations.filter((a) => a.origin === 'imported')
      expect(spansOf({ ...back, annotations: imported }).sort(byAll)).toEqual(wanted)
    }
    check(sampleBundle())
    fc.assert(fc.property(bundleArb, check), { numRuns: 150 })
  })
})
