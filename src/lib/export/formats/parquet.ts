/**
 * Parquet for Hugging Face `datasets` (`load_dataset("parquet", data_files=...)`), written with
 * hyparquet-writer: one row per trace with its fields, tags as a list, the metrics as columns,
 * `extra` as a JSON string, and every span (suggestions and rejected ones too, with `origin`
 * and `rejected`) as a list-of-struct column whose offsets are Unicode code points, so in Python
 * `row[span["field"]][span["start"]:span["end"]] == span["text"]`. Parquet is written whole, so
 * this writer keeps the rows until the end (a trace's texts included when asked for).
 */
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer'
import type { SchemaElement } from 'hyparquet'
import { makeSpanChecker } from '../span-check'
import type { TraceBundle } from '../tracemark-schema'
import type { ExportOptions, ExportWriter } from './export-format'
import { metricCells, NUMERIC_METRIC_COLUMNS } from './metric-columns'

export interface ParquetSpan {
  id: string
  field: string
  start: number
  end: number
  text: string
  label: string
  note: string
  annotator: string
  origin: string
  rejected: boolean
}

const TEXTS = ['problem', 'reasoning', 'answer', 'gold'] as const
const STRINGS = ['dataset', 'variant', 'key', 'problem_hash', 'model', 'status'] as const

type Row = Record<string, unknown>

const pick = <T extends object>(from: T, keys: readonly (keyof T)[]) =>
  Object.fromEntries(keys.map((k) => [k, from[k]]))

function spansOf(bundle: TraceBundle): ParquetSpan[] {
  const check = makeSpanChecker(bundle.trace.key, bundle.texts)
  return [...bundle.annotations]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((a) => {
      const { startCp, endCp } = check(a)
      return {
        id: a.id,
        field: a.field,
        start: startCp,
        end: endCp,
        text: a.quote,
        label: a.label,
        note: a.note,
        annotator: a.annotator,
        origin: a.origin,
        rejected: a.rejected,
      }
    })
}

export function parquetRow(bundle: TraceBundle, texts: boolean): Row {
  const { dataset, trace } = bundle
  const m = trace.metrics
  const row: Row = {
    dataset: dataset.name,
    variant: dataset.variant,
    key: trace.key,
    problem_hash: trace.problemHash,
    model: trace.model,
    status: trace.status,
    correct: trace.correct,
    tags: trace.tags,
    ...pick(metricCells(m), NUMERIC_METRIC_COLUMNS),
    pivots: JSON.stringify(m.pivots),
    extra: JSON.stringify(bundle.texts.extra),
    spans: spansOf(bundle),
    relations: bundle.relations.map(({ id, from, to, label, annotator }) => ({
      id,
      from,
      to,
      label,
      annotator,
    })),
  }
  if (texts) for (const t of TEXTS) row[t] = bundle.texts[t]
  return row
}

const utf8 = (
  name: string,
  repetition_type: 'REQUIRED' | 'OPTIONAL' = 'REQUIRED',
): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  repetition_type,
})

/** A LIST column of `element`s (three-level LIST, as pyarrow writes it). */
function list(name: string, element: SchemaElement[]): SchemaElement[] {
  return [
    { name, repetition_type: 'REQUIRED', converted_type: 'LIST', num_children: 1 },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    ...element,
  ]
}

function struct(fields: SchemaElement[]): SchemaElement[] {
  return [{ name: 'element', repetition_type: 'REQUIRED', num_children: fields.length }, ...fields]
}

export function parquetSchema(texts: boolean): { names: string[]; schema: SchemaElement[] } {
  const int32 = (name: string): SchemaElement => ({
    name,
    type: 'INT32',
    repetition_type: 'REQUIRED',
  })
  const columns: [string, SchemaElement[]][] = [
    ...STRINGS.map((n): [string, SchemaElement[]] => [n, [utf8(n)]]),
    ['correct', [{ name: 'correct', type: 'BOOLEAN', repetition_type: 'OPTIONAL' }]],
    ['tags', list('tags', [utf8('element')])],
    ...NUMERIC_METRIC_COLUMNS.map((n): [string, SchemaElement[]] => [
      n,
      [{ name: n, type: 'DOUBLE', repetition_type: 'REQUIRED' }],
    ]),
    ['pivots', [{ ...utf8('pivots'), converted_type: 'JSON' }]],
    ['extra', [{ ...utf8('extra'), converted_type: 'JSON' }]],
    [
      'spans',
      list(
        'spans',
        struct([
          utf8('id'),
          utf8('field'),
          int32('start'),
          int32('end'),
          utf8('text'),
          utf8('label'),
          utf8('note'),
          utf8('annotator'),
          utf8('origin'),
          { name: 'rejected', type: 'BOOLEAN', repetition_type: 'REQUIRED' },
        ]),
      ),
    ],
    [
      'relations',
      list('relations', struct(['id', 'from', 'to', 'label', 'annotator'].map((n) => utf8(n)))),
    ],
    ...(texts ? TEXTS.map((n): [string, SchemaElement[]] => [n, [utf8(n)]]) : []),
  ]
  return {
    names: columns.map(([n]) => n),
    schema: [{ name: 'schema', num_children: columns.length }, ...columns.flatMap(([, s]) => s)],
  }
}

/** A whole Parquet file of these rows. */
export function toParquet(rows: Row[], texts: boolean): ArrayBuffer {
  const { names, schema } = parquetSchema(texts)
  const columnData: ColumnSource[] = names.map((name) => ({
    name,
    data: rows.map((r) => r[name]) as ColumnSource['data'],
  }))
  return parquetWriteBuffer({
    columnData,
    schema,
    kvMetadata: [{ key: 'tracemark.offset_unit', value: 'codepoint' }],
  })
}

export function parquetWriter(options: ExportOptions): ExportWriter {
  const rows: Row[] = []
  return {
    add(bundle) {
      rows.push(parquetRow(bundle, options.texts))
      return []
    },
    finish: () => [toParquet(rows, options.texts)],
  }
}
