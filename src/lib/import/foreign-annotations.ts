/**
 * A colleague's annotations in doccano JSONL or Label Studio JSON (FORMATS.md), read as
 * Tracemark records so that they go through the same preview, checks and restore as a Tracemark
 * export (DESIGN section 6): detected by shape, each line or task becomes one trace with its
 * spans, choices become trace tags. The text is the reasoning (the one text those formats hold);
 * a Label Studio task's `data.problem` is the problem. Spans keep the annotator the file names
 * (`annotator`, `completed_by`, doccano's per-span metadata), else the file's name.
 * Every span is checked against the text: inside it, not splitting a surrogate pair, and
 * selecting the text the file gives for it. Errors name the line and the field in the file.
 * Traces match stored ones by key and problem hash (doccano lines carry `problem_hash` when
 * Tracemark wrote them), so the annotations can be added onto the traces they were made on.
 */
import { emptyMetrics } from '../analysis/metrics'
import { TracemarkParseError } from '../export/tracemark-parse'
import type { TracemarkRecord } from '../export/tracemark-schema'
import { makeOffsetConverter } from '../text/offsets'
import { traceId } from '../traces/ids'
import type { Annotation, Relation } from '../traces/trace-model'
import { cyrb53, problemHash } from './problem-hash'

export type ForeignFormat = 'doccano' | 'label-studio'

export const FOREIGN_FORMAT_NAMES: Record<ForeignFormat, string> = {
  doccano: 'doccano export',
  'label-studio': 'Label Studio export',
}

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Which foreign format a record is in, by its shape; null for anything else. */
export function detectForeign(value: unknown): ForeignFormat | null {
  if (!isObject(value)) return null
  if (
    typeof value.text === 'string' &&
    (Array.isArray(value.label) || Array.isArray(value.entities))
  )
    return 'doccano'
  if (
    isObject(value.data) &&
    typeof value.data.text === 'string' &&
    (Array.isArray(value.annotations) || Array.isArray(value.predictions))
  )
    return 'label-studio'
  return null
}

interface SpanIn {
  /** Where the span is in the file, for errors (`label[2]`). */
  path: string
  /** The id the file gives (relations point to it), if any. */
  sourceId?: string
  start: number
  end: number
  label: string
  /** The text the file says the span covers, when it says. */
  text?: string
  annotator: string
  note: string
  origin: Annotation['origin']
}

interface TraceIn {
  datasetName: string
  key: string
  problem: string
  problemHash?: string
  reasoning: string
  tags: string[]
  /** Label Studio choices by the annotator whose annotation holds them (`completed_by`). */
  tagsBy?: Record<string, string[]>
  spans: SpanIn[]
  relations: { path: string; from: string; to: string; label: string; annotator: string }[]
  extra: Json
}

/** Reads foreign records of one file as Tracemark records. */
export class ForeignConverter {
  private readonly fileName: string
  private readonly now: number
  private readonly fallbackAnnotator: string
  private readonly knownLabels: ReadonlySet<string> | undefined

  /** `knownLabels`: label ids a span may carry (every taxonomy's); left out, any. */
  constructor(fileName: string, knownLabels?: ReadonlySet<string>, now = Date.now()) {
    this.fileName = fileName
    this.knownLabels = knownLabels
    this.now = now
    this.fallbackAnnotator = fileName.replace(/\.[^.]*$/, '') || fileName
  }

  /** The record's trace; throws TracemarkParseError naming the line and field. */
  convert(value: unknown, lineNumber: number): TracemarkRecord {
    const format = detectForeign(value)
    const fail = (field: string, problem: string): never => {
      throw new TracemarkParseError(lineNumber, field, problem)
    }
    if (!format) return fail('', 'neither a doccano line nor a Label Studio task')
    const read =
      format === 'doccano'
        ? this.readDoccano(value as Json, lineNumber, fail)
        : this.readLabelStudio(value as Json, lineNumber, fail)
    return this.toRecord(format, read, lineNumber, fail)
  }

  private readDoccano(
    line: Json,
    lineNumber: number,
    fail: (field: string, problem: string) => never,
  ): TraceIn {
    const meta = Array.isArray(line.spans) ? (line.spans as unknown[]) : []
    const lineAnnotator = stringOr(line.annotator, stringOr(line.user, this.fallbackAnnotator))
    const spanMeta = (i: number) => (isObject(meta[i]) ? (meta[i] as Json) : {})
    const spans: SpanIn[] = []
    if (Array.isArray(line.label)) {
      line.label.forEach((item, i) => {
        const path = `label[${i}]`
        if (
          !Array.isArray(item) ||
          item.length < 3 ||
          !isOffset(item[0]) ||
          !isOffset(item[1]) ||
          typeof item[2] !== 'string'
        ) {
          fail(path, 'expected [start, end, "label"]')
        }
        const [start, end, label] = item as [number, number, string]
        const m = spanMeta(i)
        spans.push({
          path,
          start,
          end,
          label,
          text: optionalString(m.text),
          annotator: stringOr(m.annotator, lineAnnotator),
          note: stringOr(m.note, ''),
          origin: 'imported',
        })
      })
    } else {
      ;(line.entities as unknown[]).forEach((item, i) => {
        const path = `entities[${i}]`
        if (!isObject(item) || !isOffset(item.start_offset) || !isOffset(item.end_offset))
          fail(path, 'expected {"id", "start_offset", "end_offset", "label"}')
        const e = item as Json
        if (typeof e.label !== 'string') fail(`${path}.label`, 'expected a string')
        const m = spanMeta(i)
        spans.push({
          path,
          sourceId: String(e.id ?? i),
          start: e.start_offset as number,
          end: e.end_offset as number,
          label: e.label as string,
          text: optionalString(m.text),
          annotator: stringOr(m.annotator, lineAnnotator),
          note: stringOr(m.note, ''),
          origin: 'imported',
        })
      })
    }
    const relations = (Array.isArray(line.relations) ? line.relations : []).map((r, i) => {
      const path = `relations[${i}]`
      if (!isObject(r) || r.from_id === undefined || r.to_id === undefined)
        fail(path, 'expected {"from_id", "to_id", "type"}')
      const rel = r as Json
      return {
        path,
        from: String(rel.from_id),
        to: String(rel.to_id),
        label: stringOr(rel.type, ''),
        annotator: lineAnnotator,
      }
    })
    const key = line.id ?? line.key
    return {
      datasetName: stringOr(line.dataset, this.fallbackAnnotator),
      key: typeof key === 'string' || typeof key === 'number' ? String(key) : String(lineNumber),
      problem: stringOr(line.problem, ''),
      problemHash: optionalString(line.problem_hash),
      reasoning: line.text as string,
      tags: stringList(line.tags),
      spans,
      relations,
      extra: {},
    }
  }

  private readLabelStudio(
    task: Json,
    lineNumber: number,
    fail: (field: string, problem: string) => never,
  ): TraceIn {
    const data = task.data as Json
    const spans: SpanIn[] = []
    const relations: TraceIn['relations'] = []
    const tags: string[] = []
    const tagsBy = new Map<string, string[]>()
    const notes = new Map<string, string>()
    const read = (list: unknown, kind: 'annotations' | 'predictions') => {
      if (!Array.isArray(list)) return
      list.forEach((entry, a) => {
        if (!isObject(entry)) fail(`${kind}[${a}]`, 'expected an object')
        const annotator =
          kind === 'predictions'
            ? stringOr(entry.model_version, 'predictions')
            : annotatorOf(entry, this.fallbackAnnotator)
        const results = Array.isArray(entry.result) ? entry.result : []
        results.forEach((result, r) => {
          const path = `${kind}[${a}].result[${r}]`
          if (!isObject(result)) fail(path, 'expected an object')
          const value = isObject(result.value) ? result.value : {}
          if (result.type === 'labels') {
            const labels = stringList(value.labels)
            if (!isOffset(value.start) || !isOffset(value.end))
              fail(`${path}.value`, 'expected start and end offsets')
            if (labels.length === 0) fail(`${path}.value.labels`, 'no label')
            labels.forEach((label) =>
              spans.push({
                path: `${path}.value`,
                sourceId: optionalString(result.id),
                start: value.start as number,
                end: value.end as number,
                label,
                text: optionalString(value.text),
                annotator,
                note: '',
                origin: kind === 'predictions' ? 'suggestion' : 'imported',
              }),
            )
          } else if (result.type === 'textarea' && typeof result.id === 'string') {
            notes.set(result.id, stringList(value.text).join('\n'))
          } else if (result.type === 'choices') {
            const choices = stringList(value.choices)
            for (const choice of choices) if (!tags.includes(choice)) tags.push(choice)
            // An annotator's choices (an empty list included) are theirs, for tag agreement.
            if (kind === 'annotations') {
              const own = tagsBy.get(annotator) ?? []
              tagsBy.set(annotator, [...new Set([...own, ...choices])].sort())
            }
          } else if (result.type === 'relation') {
            if (result.from_id === undefined || result.to_id === undefined)
              fail(path, 'a relation without from_id and to_id')
            relations.push({
              path,
              from: String(result.from_id),
              to: String(result.to_id),
              label: stringList(result.labels)[0] ?? '',
              annotator,
            })
          }
        })
      })
    }
    read(task.annotations, 'annotations')
    read(task.predictions, 'predictions')
    for (const span of spans) {
      const note = span.sourceId === undefined ? undefined : notes.get(span.sourceId)
      if (note !== undefined) span.note = note
    }
    const key = data.key ?? data.id ?? task.id
    const extra = Object.fromEntries(
      Object.entries(data).filter(([k]) => !['text', 'key', 'dataset', 'problem'].includes(k)),
    )
    return {
      datasetName: stringOr(data.dataset, this.fallbackAnnotator),
      key: typeof key === 'string' || typeof key === 'number' ? String(key) : String(lineNumber),
      problem: stringOr(data.problem, ''),
      reasoning: data.text as string,
      tags,
      ...(tagsBy.size > 0 ? { tagsBy: Object.fromEntries(tagsBy) } : {}),
      spans,
      relations,
      extra,
    }
  }

  private toRecord(
    format: ForeignFormat,
    read: TraceIn,
    lineNumber: number,
    fail: (field: string, problem: string) => never,
  ): TracemarkRecord {
    const datasetId = `${format}-${cyrb53(read.datasetName)}`
    const id = traceId(datasetId, lineNumber)
    const converter = makeOffsetConverter(read.reasoning)
    const ids = new Map<string, string>()
    const annotations: Annotation[] = read.spans.map((span, i) => {
      if (span.end < span.start) fail(span.path, `end ${span.end} is before start ${span.start}`)
      if (span.end > read.reasoning.length) {
        fail(
          span.path,
          `end ${span.end} is past the end of the text (${read.reasoning.length} UTF-16 units)`,
        )
      }
      for (const offset of [span.start, span.end]) {
        try {
          converter.toCodePoint(offset)
        } catch (error) {
          fail(span.path, (error as Error).message)
        }
      }
      if (this.knownLabels && !this.knownLabels.has(span.label)) {
        fail(span.path, `unknown label ${JSON.stringify(span.label)}: no taxonomy has it`)
      }
      const quote = read.reasoning.slice(span.start, span.end)
      if (span.text !== undefined && span.text !== quote) {
        fail(
          span.path,
          `offsets ${span.start}..${span.end} select ${JSON.stringify(quote)}, not the span's text ${JSON.stringify(span.text)}`,
        )
      }
      const spanId = `${id}:${i}`
      if (span.sourceId !== undefined && !ids.has(span.sourceId)) ids.set(span.sourceId, spanId)
      return {
        id: spanId,
        traceId: id,
        field: 'reasoning',
        start: span.start,
        end: span.end,
        quote,
        label: span.label,
        note: span.note,
        annotator: span.annotator,
        origin: span.origin,
        rejected: false,
        createdAt: this.now,
        updatedAt: this.now,
      }
    })
    const relations: Relation[] = read.relations.map((r, i) => {
      const from = ids.get(r.from) ?? fail(`${r.path}`, `no span with id ${JSON.stringify(r.from)}`)
      const to = ids.get(r.to) ?? fail(`${r.path}`, `no span with id ${JSON.stringify(r.to)}`)
      return { id: `${id}:r${i}`, traceId: id, from, to, label: r.label, annotator: r.annotator }
    })
    return {
      dataset: {
        id: datasetId,
        name: read.datasetName,
        source: this.fileName,
        format,
        importedAt: this.now,
        fieldMap: {},
        traceCount: 0,
        status: 'ready',
        variant: '',
        textChars: 0,
      },
      trace: {
        id,
        datasetId,
        key: read.key,
        problemHash: read.problemHash ?? problemHash(read.problem, read.key),
        problemPreview: read.problem.slice(0, 200),
        model: '',
        // Empty counts with an unknown lexicon: shown as stale until recomputed.
        metrics: emptyMetrics(''),
        correct: null,
        status: 'todo',
        tags: read.tags,
        ...(read.tagsBy ? { tagsBy: read.tagsBy } : {}),
        ordinal: lineNumber,
        updatedAt: this.now,
      },
      texts: {
        traceId: id,
        datasetId,
        problem: read.problem,
        reasoning: read.reasoning,
        answer: '',
        gold: '',
        extra: read.extra,
      },
      annotations,
      relations,
    }
  }
}

function annotatorOf(entry: Json, fallback: string): string {
  if (typeof entry.annotator === 'string' && entry.annotator !== '') return entry.annotator
  const by = entry.completed_by
  if (isObject(by) && typeof by.email === 'string') return by.email
  if (typeof by === 'string' && by !== '') return by
  if (typeof by === 'number') return `Label Studio user ${by}`
  return fallback
}

function isOffset(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
}

function optionalString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined
}

function stringOr(v: unknown, fallback: string): string {
  return typeof v === 'string' && v !== '' ? v : fallback
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}
