import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bundleArb, sampleBundle } from '../../../testing/trace-bundles'
import { ExportError } from '../span-check'
import type { TraceBundle } from '../tracemark-schema'
import { bratType } from './brat'
import { EXPORT_FORMATS, exportFormat, type ExportFormatId } from './index'
import { labelStudioWriter } from './label-studio'
import { reasoningSpans } from './labelled-spans'
import {
  readBrat,
  readDoccano,
  readLabelStudio,
  readParquetExport,
  readSpacy,
  readWebAnnotations,
  type ReadSpan,
} from './read-back'
import { traceSource } from './web-annotation'

async function exported(id: ExportFormatId, bundles: TraceBundle[], texts = true): Promise<Blob> {
  const writer = exportFormat(id).create({ texts })
  const parts = bundles.flatMap((b) => writer.add(b))
  return new Blob([...parts, ...writer.finish()])
}

/** What an interchange format must give back: the reasoning's labels, in UTF-16 offsets. */
function expectedSpans(bundle: TraceBundle, label = (l: string) => l): ReadSpan[] {
  return reasoningSpans(bundle).map(({ annotation: a }) => ({
    start: a.start,
    end: a.end,
    label: label(a.label),
    text: a.quote,
    annotator: a.annotator,
    note: a.note,
  }))
}

const sorted = (spans: ReadSpan[], keys: (keyof ReadSpan)[]) =>
  spans
    .map((s) => JSON.stringify(keys.map((k) => s[k])))
    .sort()
    .map((s) => JSON.parse(s) as unknown[])

const ALL: (keyof ReadSpan)[] = ['start', 'end', 'label', 'text', 'annotator', 'note']

/** Reads an export back, one list of spans per trace. */
async function readBack(id: ExportFormatId, bundle: TraceBundle): Promise<ReadSpan[]> {
  const blob = await exported(id, [bundle])
  switch (id) {
    case 'doccano':
    case 'doccano-relations':
      return readDoccano(await blob.text())[0]!.spans
    case 'label-studio':
      return readLabelStudio(await blob.text())[0]!.spans
    case 'spacy':
      return readSpacy(await blob.text())[0]!.spans
    case 'web-annotation': {
      const texts = new Map([[traceSource(bundle), bundle.texts.reasoning]])
      return readWebAnnotations(await blob.text(), texts).get(traceSource(bundle)) ?? []
    }
    case 'brat':
      return readBrat(new Uint8Array(await blob.arrayBuffer()))[0]!.spans
    default:
      throw new Error(`no span reader for ${id}`)
  }
}

const CARRIERS: [ExportFormatId, (keyof ReadSpan)[]][] = [
  ['doccano', ALL],
  ['doccano-relations', ALL],
  ['label-studio', ALL],
  ['web-annotation', ALL],
  ['spacy', ['start', 'end', 'label', 'text', 'annotator']],
  ['brat', ['start', 'end', 'label', 'text']],
]

/** brat fragments hold no line break: a span loses those at its edges (all of them: empty). */
function bratTrim(span: ReadSpan): ReadSpan {
  const lead = /^\n*/.exec(span.text)![0].length
  if (lead === span.text.length) return { ...span, end: span.start, text: '' }
  const trail = /\n*$/.exec(span.text)![0].length
  return {
    ...span,
    start: span.start + lead,
    end: span.end - trail,
    text: span.text.slice(lead, span.text.length - trail),
  }
}

function hasLeadingBom(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('\uFEFF')
  if (Array.isArray(value)) return value.some(hasLeadingBom)
  if (value && typeof value === 'object') return Object.values(value).some(hasLeadingBom)
  return false
}

describe('export formats', () => {
  it.each(CARRIERS)(
    '%s: export then read back gives the same spans (emoji, CJK, CRLF, overlaps)',
    async (id, keys) => {
      await fc.assert(
        fc.asyncProperty(bundleArb, async (bundle) => {
          const label = id === 'brat' ? bratType : (l: string) => l
          expect(sorted(await readBack(id, bundle), keys)).toEqual(
            sorted(
              id === 'brat'
                ? expectedSpans(bundle, label).map(bratTrim)
                : expectedSpans(bundle, label),
              keys,
            ),
          )
        }),
        { numRuns: 60 },
      )
    },
  )

  it('Parquet: export then read (hyparquet) gives every span of every field, in code points', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(bundleArb, { minLength: 1, maxLength: 3 }), async (bundles) => {
        // hyparquet reads strings with TextDecoder, which drops a leading U+FEFF (pyarrow keeps it).
        fc.pre(!hasLeadingBom(bundles))
        const buffer = await (await exported('parquet', bundles)).arrayBuffer()
        const rows = await readParquetExport(buffer)
        expect(rows.map((r) => r.key)).toEqual(bundles.map((b) => b.trace.key))
        rows.forEach((row, i) => {
          const want = bundles[i]!.annotations.map((a) => ({
            start: a.start,
            end: a.end,
            label: a.label,
            text: a.quote,
            annotator: a.annotator,
            note: a.note,
          }))
          expect(sorted(row.spans, ALL)).toEqual(sorted(want, ALL))
          expect(row.tags).toEqual(bundles[i]!.trace.tags)
        })
      }),
      { numRuns: 40 },
    )
  }, 60_000)

  it.each(EXPORT_FORMATS.filter((f) => f.offsetUnit !== null).map((f) => f.id))(
    '%s refuses a span whose text no longer matches, naming trace and span',
    async (id) => {
      const bundle = sampleBundle()
      bundle.annotations[1] = { ...bundle.annotations[1]!, quote: 'edited' }
      const error = await exported(id, [bundle]).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ExportError)
      expect((error as ExportError).message).toMatch(/^trace "42", span "s2": orphaned span/)
    },
  )

  it('Label Studio: notes as per-region text areas, tags as choices, suggestions as predictions, and its config', async () => {
    const bundle = sampleBundle()
    bundle.annotations[0] = { ...bundle.annotations[0]!, note: 'self-correction cue' }
    bundle.annotations.push({ ...bundle.annotations[0]!, id: 's3', origin: 'suggestion', note: '' })
    const writer = labelStudioWriter()
    const json = [...writer.add(bundle), ...writer.finish()].join('')
    type Result = { type: string; id?: string; from_id?: string; origin?: string }
    type Task = { annotations: { result: Result[] }[]; predictions: { result: Result[] }[] }
    const [task] = JSON.parse(json) as Task[]
    const results = task!.annotations[0]!.result
    expect(results.map((r) => [r.type, r.id ?? r.from_id])).toEqual([
      ['labels', 's1'],
      ['textarea', 's1'],
      ['labels', 's2'],
      ['relation', 's1'],
      ['choices', 'tags-1'],
    ])
    expect(task!.predictions[0]!.result[0]).toMatchObject({ id: 's3', origin: 'prediction' })
    expect(writer.config()).toContain('<Label value="PIVOT"/>')
    expect(writer.config()).toContain('<Relation value="triggers"/>')
    expect(writer.config()).toContain('<Choice value="terse"/>')
  })

  it('CSV: one row per trace with every metric, formula-like cells escaped', async () => {
    const bundle = sampleBundle()
    bundle.trace.tags = ['=HYPERLINK("x")', 'terse']
    const csv = await (await exported('csv', [bundle], false)).text()
    const [header, row] = csv.trim().split('\r\n')
    expect(header).toBe(
      'dataset,variant,key,model,correct,status,tags,spans,chars,words,tokens,steps,sentences,pivot_total,pivots_per_1k,pivot_categories,backtracks,verifications,first_pivot_at,has_final_answer,lexicon_id,pivots.self-check,pivots.wait',
    )
    expect(row).toContain(`"'=HYPERLINK(""x"");terse"`)
    expect(
      row!.startsWith(`Sky-T1 AIME,ST,42,sky-t1,,in-progress,"'=HYPERLINK(""x"");terse",2,`),
    ).toBe(true)
  })

  it('every lossy format says what it drops', () => {
    for (const format of EXPORT_FORMATS) {
      if (format.id === 'tracemark') expect(format.drops).toEqual([])
      else expect(format.drops.length, format.id).toBeGreaterThan(0)
    }
  })
})
