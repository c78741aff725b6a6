/**
 * Test data for the export tests only (imported by *.test.ts, never by app code):
 * a hand-written bundle with emoji and CJK, and a fast-check generator of valid bundles.
 */
import fc from 'fast-check'
import type {
  Annotation,
  Dataset,
  Relation,
  TextField,
  Trace,
  TraceMetrics,
  TraceTexts,
} from '../lib/traces/trace-model'
import type { TraceBundle } from '../lib/export/tracemark-schema'

/** `list[i]`, failing the test when it is missing (no `!` needed under noUncheckedIndexedAccess). */
export function nth<T>(list: readonly T[], i: number): T {
  const value = list[i]
  if (value === undefined) throw new Error(`no element ${i}`)
  return value
}

const metrics: TraceMetrics = {
  chars: 44,
  words: 9,
  tokens: 11,
  steps: 2,
  sentences: 3,
  pivots: { wait: 1, 'self-check': 0 },
  pivotTotal: 1,
  pivotsPer1k: 22.727272727272727,
  pivotCategories: 1,
  backtracks: 1,
  verifications: 0,
  firstPivotAt: 0.5,
  hasFinalAnswer: true,
  lexiconId: 'lexicon-pivots@3',
  lexiconHash: '0badcafe',
  phraseCounts: { wait: 1 },
  pivotPositions: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0],
}

/** A trace whose spans sit after an emoji and inside CJK text, so the two units differ. */
export function sampleBundle(): TraceBundle {
  const reasoning = 'Try 7*8 😀 = 56.\nWait, 中文 check 🎉 again.'
  const span = (id: string, quote: string, label: string): Annotation => {
    const start = reasoning.indexOf(quote)
    return {
      id,
      traceId: 't1',
      field: 'reasoning',
      start,
      end: start + quote.length,
      quote,
      label,
      note: '',
      annotator: 'ann@example.org',
      origin: 'manual',
      rejected: false,
      createdAt: 1_760_000_000_000,
      updatedAt: 1_760_000_000_500,
    }
  }
  return {
    dataset: {
      id: 'd1',
      name: 'Sky-T1 AIME',
      source: 'sky.jsonl',
      format: 'jsonl',
      importedAt: 1_759_000_000_000,
      fieldMap: { problem: 'prompt', reasoning: 'completion' },
      traceCount: 1,
      status: 'ready',
      variant: 'ST',
      textChars: 60,
    },
    trace: {
      id: 't1',
      datasetId: 'd1',
      key: '42',
      problemHash: 'ab12',
      problemPreview: 'What is 7*8?',
      model: 'sky-t1',
      metrics,
      correct: null,
      truncated: true,
      status: 'in-progress',
      tags: ['terse'],
      tagsBy: { 'ana 😀': ['terse'], 李: [] },
      note: 'odd one 😀',
      ordinal: 1,
      updatedAt: 1_760_000_001_000,
    },
    texts: {
      traceId: 't1',
      datasetId: 'd1',
      problem: 'What is 7*8?',
      reasoning,
      answer: '56 🎯',
      gold: '56',
      extra: { source_id: 17, nested: { list: [1, 'two', null] } },
    },
    annotations: [
      span('s1', 'Wait', 'PIVOT'),
      { ...span('s2', '中文 check 🎉', 'CHECK'), attributes: { importance: 0.25, tags: ['x'] } },
    ],
    relations: [
      {
        id: 'r1',
        traceId: 't1',
        from: 's1',
        to: 's2',
        label: 'triggers',
        annotator: 'ann@example.org',
      },
    ],
  }
}

const char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'Z', ' ', '.', '7', '\n', '"', '\\', 'é') },
  { weight: 3, arbitrary: fc.constantFrom('中', '文', '字', 'ひ', '한') },
  { weight: 3, arbitrary: fc.constantFrom('😀', '👍🏽', '👩‍💻', '𝔸', '𠀋', '🎉') },
  { weight: 1, arbitrary: fc.constantFrom('\u2028', '\u0085', '\u0000', '\uFEFF') },
)
const text = fc.string({ unit: char, maxLength: 60 })
const label = fc.string({ unit: char, maxLength: 8 })
const time = fc.integer({ min: 0, max: 4_102_444_800_000 })
/** Finite doubles; `+ 0` turns -0 into 0, which JSON cannot carry anyway. */
const real = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0)
const count = fc.nat({ max: 1_000_000 })
/** Plain objects, as JSON.parse makes them (toStrictEqual compares prototypes). */
const plain = { noNullPrototype: true } as const

const metricsArb: fc.Arbitrary<TraceMetrics> = fc.record(
  {
    chars: count,
    words: count,
    tokens: real,
    steps: count,
    sentences: count,
    pivots: fc.dictionary(label, count, plain),
    pivotTotal: count,
    pivotsPer1k: real,
    pivotCategories: count,
    backtracks: count,
    verifications: count,
    firstPivotAt: fc.option(
      fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0),
      { nil: null },
    ),
    hasFinalAnswer: fc.boolean(),
    lexiconId: label,
    lexiconHash: label,
    phraseCounts: fc.dictionary(fc.string(), count, plain),
    pivotPositions: fc.array(count, { minLength: 10, maxLength: 10 }),
  },
  plain,
)

const datasetArb: fc.Arbitrary<Dataset> = fc.record(
  {
    id: label,
    name: text,
    source: text,
    format: label,
    importedAt: time,
    fieldMap: fc.record(
      {
        problem: label,
        reasoning: label,
        answer: label,
        gold: label,
        id: label,
        model: label,
        correct: label,
        spans: label,
      },
      { requiredKeys: [], ...plain },
    ),
    traceCount: count,
    status: fc.constantFrom('importing', 'ready'),
    variant: label,
    textChars: count,
  },
  plain,
)

/** JSON values through JSON text, as an import makes them (fc.jsonValue may hold -0, which JSON drops). */
const jsonValue = fc
  .json({ stringUnit: char, maxDepth: 2 })
  .map((json): unknown => JSON.parse(json))

/** Span offsets are drawn in code points, so they never split a surrogate pair. */
function spanArb(
  texts: Record<TextField, string>,
): fc.Arbitrary<Omit<Annotation, 'id' | 'traceId'>> {
  return fc.constantFrom<TextField>('problem', 'reasoning', 'answer').chain((field) => {
    const points = [...texts[field]]
    return fc
      .record(
        {
          field: fc.constant(field),
          range: fc.tuple(fc.nat({ max: points.length }), fc.nat({ max: points.length })),
          label,
          note: text,
          annotator: label,
          origin: fc.constantFrom('manual', 'suggestion', 'imported'),
          rejected: fc.boolean(),
          attributes: fc.dictionary(label, jsonValue, plain),
          createdAt: time,
          updatedAt: time,
        },
        {
          requiredKeys: [
            'field',
            'range',
            'label',
            'note',
            'annotator',
            'origin',
            'rejected',
            'createdAt',
            'updatedAt',
          ],
          ...plain,
        },
      )
      .map(({ range: [a, b], ...rest }) => {
        const start = points.slice(0, Math.min(a, b)).join('').length
        const quote = points.slice(Math.min(a, b), Math.max(a, b)).join('')
        return { ...rest, start, end: start + quote.length, quote }
      })
  })
}

export const bundleArb: fc.Arbitrary<TraceBundle> = fc
  .record({
    dataset: datasetArb,
    trace: fc.record(
      {
        id: label,
        key: text,
        problemHash: label,
        problemPreview: text,
        model: label,
        metrics: metricsArb,
        correct: fc.constantFrom(true, false, null),
        truncated: fc.boolean(),
        status: fc.constantFrom('todo', 'in-progress', 'done'),
        tags: fc.array(label, { maxLength: 4 }),
        // Annotator names as typed in the header (emoji, CJK, white space); empty lists too.
        tagsBy: fc.dictionary(text, fc.uniqueArray(label, { maxLength: 3 }), {
          maxKeys: 3,
          ...plain,
        }),
        note: text,
        ordinal: count,
        updatedAt: time,
      },
      {
        requiredKeys: [
          'id',
          'key',
          'problemHash',
          'problemPreview',
          'model',
          'metrics',
          'correct',
          'status',
          'tags',
          'ordinal',
          'updatedAt',
        ],
        ...plain,
      },
    ),
    problem: text,
    reasoning: text,
    answer: text,
    gold: text,
    // Through JSON text, as an import makes them (fc.jsonValue may hold -0, which JSON drops).
    extra: fc.dictionary(label, jsonValue, plain),
  })
  .chain(({ dataset, trace: traceFields, problem, reasoning, answer, gold, extra }) => {
    // `tags` holds every annotator's tags (the union the app maintains).
    const attributed = Object.values(traceFields.tagsBy ?? {}).flat()
    const tags = traceFields.tagsBy
      ? [...new Set([...traceFields.tags, ...attributed])]
      : traceFields.tags
    const trace: Trace = { ...traceFields, tags, datasetId: dataset.id }
    const texts: TraceTexts = {
      traceId: trace.id,
      datasetId: dataset.id,
      problem,
      reasoning,
      answer,
      gold,
      extra,
    }
    const spans = fc.uniqueArray(fc.tuple(label, spanArb(texts)), {
      maxLength: 6,
      selector: ([id]) => id,
    })
    return spans.chain((drawn) => {
      const annotations: Annotation[] = drawn.map(([id, span]) => ({
        ...span,
        id,
        traceId: trace.id,
      }))
      const ids = annotations.map((annotation) => annotation.id)
      const relations: fc.Arbitrary<Relation[]> =
        ids.length === 0
          ? fc.constant([])
          : fc.array(
              fc.record(
                {
                  id: label,
                  traceId: fc.constant(trace.id),
                  from: fc.constantFrom(...ids),
                  to: fc.constantFrom(...ids),
                  label,
                  annotator: label,
                },
                plain,
              ),
              { maxLength: 4 },
            )
      return relations.map((list): TraceBundle => ({
        dataset,
        trace,
        texts,
        annotations,
        relations: list,
      }))
    })
  })
