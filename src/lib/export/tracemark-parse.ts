/**
 * Reader of Tracemark JSONL lines (schema in ./tracemark-schema.ts). Validates by hand and
 * re-checks every span against its text, so a hand-edited or foreign file can never restore
 * a span whose offsets point at other text. Errors name the line and the field.
 */
import {
  TEXT_FIELDS,
  type Annotation,
  type Dataset,
  type Relation,
  type TextField,
  type Trace,
  type TraceTexts,
} from '../traces/trace-model'
import { POSITION_BINS } from '../analysis/metrics'
import type { OffsetConverter } from '../text/offsets'
import { ShapeError, ShapeReader } from './json-shape'
import { quoteMismatch } from '../text/orphan'
import { fieldConverters } from './span-check'
import {
  TRACEMARK_FORMAT,
  TRACEMARK_OFFSET_UNIT,
  TRACEMARK_VERSION,
  type TracemarkRecord,
} from './tracemark-schema'

export class TracemarkParseError extends Error {
  /** 1-based line number in the file, as given by the caller. */
  readonly lineNumber: number
  /** JSON path of the offending field (`spans[2].start_cp`), or '' for the whole line. */
  readonly field: string
  /** What is wrong, without the place. */
  readonly problem: string

  constructor(lineNumber: number, field: string, problem: string) {
    super(
      field === '' ? `line ${lineNumber}: ${problem}` : `line ${lineNumber}, ${field}: ${problem}`,
    )
    this.name = 'TracemarkParseError'
    this.lineNumber = lineNumber
    this.field = field
    this.problem = problem
  }
}

export interface TracemarkParseOptions {
  /**
   * Label ids a span may carry (every taxonomy's); a span with another label is refused.
   * Left out, any label is accepted.
   */
  knownLabels?: ReadonlySet<string>
}

/** Parses one non-blank line; the caller skips blank lines and numbers lines from 1. */
export function parseTracemarkLine(
  line: string,
  lineNumber: number,
  options: TracemarkParseOptions = {},
): TracemarkRecord {
  let json: unknown
  try {
    json = JSON.parse(line.startsWith('\uFEFF') ? line.slice(1) : line)
  } catch (error) {
    throw new TracemarkParseError(lineNumber, '', `not valid JSON (${(error as Error).message})`)
  }
  return parseTracemarkValue(json, lineNumber, options)
}

/** Whether a parsed JSON value claims to be a Tracemark line (how import detects the format). */
export function isTracemarkValue(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>).format === TRACEMARK_FORMAT
  )
}

/** Reads one line already parsed as JSON (the import's line reader parses it). */
export function parseTracemarkValue(
  json: unknown,
  lineNumber: number,
  options: TracemarkParseOptions = {},
): TracemarkRecord {
  try {
    return readRecord(ShapeReader.of(json), options)
  } catch (error) {
    if (error instanceof ShapeError)
      throw new TracemarkParseError(lineNumber, error.path, error.problem)
    throw error
  }
}

function readRecord(line: ShapeReader, options: TracemarkParseOptions): TracemarkRecord {
  if (line.raw('format') !== TRACEMARK_FORMAT)
    line.fail('format', `not a Tracemark line (expected "${TRACEMARK_FORMAT}")`)
  const version = line.count('version')
  if (version !== TRACEMARK_VERSION) {
    line.fail(
      'version',
      `unsupported version ${version}; this build reads version ${TRACEMARK_VERSION}`,
    )
  }
  line.oneOf('offset_unit', [TRACEMARK_OFFSET_UNIT])
  const dataset = readDataset(line.object('dataset'))
  const trace = readTrace(line.object('trace'), dataset.id)
  const texts: TraceTexts = {
    traceId: trace.id,
    datasetId: dataset.id,
    problem: line.string('problem'),
    reasoning: line.string('reasoning'),
    answer: line.string('answer'),
    gold: line.string('gold'),
    extra: line.record('extra'),
  }
  const annotations = readSpans(line, texts, options.knownLabels)
  const spanIds = new Set(annotations.map((annotation) => annotation.id))
  const relations = line
    .objects('relations')
    .map((relation) => readRelation(relation, trace.id, spanIds))
  return { dataset, trace, texts, annotations, relations }
}

function readDataset(dataset: ShapeReader): Dataset {
  const fieldMap = dataset.object('field_map')
  const keys = [
    'problem',
    'reasoning',
    'answer',
    'gold',
    'id',
    'model',
    'correct',
    'spans',
  ] as const
  return {
    id: dataset.string('id'),
    name: dataset.string('name'),
    source: dataset.string('source'),
    format: dataset.string('format'),
    importedAt: dataset.number('imported_at'),
    fieldMap: Object.fromEntries(
      keys.flatMap((key) => {
        const value = fieldMap.optionalString(key)
        return value === undefined ? [] : [[key, value]]
      }),
    ),
    traceCount: dataset.count('trace_count'),
    status: dataset.oneOf('status', ['importing', 'ready']),
    variant: dataset.string('variant'),
    textChars: dataset.count('text_chars'),
  }
}

function readTrace(trace: ShapeReader, datasetId: string): Trace {
  const metrics = trace.object('metrics')
  return {
    id: trace.string('id'),
    datasetId,
    key: trace.string('key'),
    problemHash: trace.string('problem_hash'),
    problemPreview: trace.string('problem_preview'),
    model: trace.string('model'),
    metrics: {
      chars: metrics.number('chars'),
      words: metrics.number('words'),
      tokens: metrics.number('tokens'),
      steps: metrics.number('steps'),
      sentences: metrics.number('sentences'),
      pivots: metrics.numberRecord('pivots'),
      pivotTotal: metrics.number('pivot_total'),
      pivotsPer1k: metrics.number('pivots_per_1k'),
      pivotCategories: metrics.number('pivot_categories'),
      backtracks: metrics.number('backtracks'),
      verifications: metrics.number('verifications'),
      firstPivotAt: metrics.nullableNumber('first_pivot_at'),
      hasFinalAnswer: metrics.boolean('has_final_answer'),
      lexiconId: metrics.string('lexicon_id'),
      // added within version 1: older lines lack them
      lexiconHash: metrics.optionalString('lexicon_hash') ?? '',
      phraseCounts:
        metrics.raw('phrase_counts') === undefined ? {} : metrics.numberRecord('phrase_counts'),
      pivotPositions: readPositions(metrics),
    },
    correct: trace.nullableBoolean('correct'),
    // added within version 1: written only when known
    ...(trace.raw('truncated') === undefined ? {} : { truncated: trace.boolean('truncated') }),
    status: trace.oneOf('status', ['todo', 'in-progress', 'done']),
    tags: trace.strings('tags'),
    // added within version 1: written only when some annotator tagged the trace
    ...(trace.raw('tags_by') === undefined ? {} : { tagsBy: readTagsBy(trace) }),
    // added within version 1: written only when the trace has a note
    ...(trace.raw('note') === undefined ? {} : { note: trace.string('note') }),
    ordinal: trace.count('ordinal'),
    updatedAt: trace.number('updated_at'),
  }
}

/** Each annotator's tags; every one of them must be in `tags` (their union). */
function readTagsBy(trace: ShapeReader): Record<string, string[]> {
  const tags = new Set(trace.strings('tags'))
  const tagsBy = trace.stringLists('tags_by')
  for (const [annotator, list] of Object.entries(tagsBy)) {
    const missing = list.find((t) => !tags.has(t))
    if (missing !== undefined) {
      trace.fail(
        'tags_by',
        `${JSON.stringify(annotator)} has the tag ${JSON.stringify(missing)}, which tags lacks`,
      )
    }
  }
  return tagsBy
}

function readPositions(metrics: ShapeReader): number[] {
  if (metrics.raw('pivot_positions') === undefined) return new Array<number>(POSITION_BINS).fill(0)
  const value = metrics.raw('pivot_positions')
  const ok =
    Array.isArray(value) &&
    value.length === POSITION_BINS &&
    value.every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)
  if (!ok) metrics.fail('pivot_positions', `expected ${POSITION_BINS} non-negative integers`)
  return value as number[]
}

function readSpans(
  line: ShapeReader,
  texts: TraceTexts,
  knownLabels: ReadonlySet<string> | undefined,
): Annotation[] {
  const converterFor = fieldConverters(texts)
  const seen = new Set<string>()
  return line.objects('spans').map((span) => {
    const id = span.string('id')
    if (seen.has(id)) span.fail('id', `duplicate span id ${JSON.stringify(id)}`)
    seen.add(id)
    const field = span.oneOf('field', TEXT_FIELDS)
    const start = span.count('start')
    const end = span.count('end')
    const quote = span.string('text')
    if (end < start) span.fail('end', `end ${end} is before start ${start}`)
    const mismatch = quoteMismatch(texts[field], start, end, quote)
    if (mismatch !== null) {
      span.fail(end > texts[field].length ? 'end' : 'text', `${field}: ${mismatch}`)
    }
    checkCodePoint(span, 'start', start, converterFor(field), field)
    checkCodePoint(span, 'end', end, converterFor(field), field)
    const label = span.string('label')
    if (knownLabels && !knownLabels.has(label)) {
      span.fail('label', `unknown label ${JSON.stringify(label)}: no taxonomy has it`)
    }
    return {
      id,
      traceId: texts.traceId,
      field,
      start,
      end,
      quote,
      label,
      note: span.string('note'),
      annotator: span.string('annotator'),
      origin: span.oneOf('origin', ['manual', 'suggestion', 'imported']),
      rejected: span.boolean('rejected'),
      ...(span.raw('attributes') === undefined ? {} : { attributes: span.record('attributes') }),
      createdAt: span.number('created_at'),
      updatedAt: span.number('updated_at'),
    }
  })
}

/** `<key>_cp` must be the code-point position of the UTF-16 offset `<key>`. */
function checkCodePoint(
  span: ShapeReader,
  key: 'start' | 'end',
  offset: number,
  converter: OffsetConverter,
  field: TextField,
): void {
  let cp: number
  try {
    cp = converter.toCodePoint(offset)
  } catch (error) {
    return span.fail(key, (error as Error).message)
  }
  const given = span.count(`${key}_cp`)
  if (given !== cp) {
    span.fail(`${key}_cp`, `is ${given}, but ${key} ${offset} is code point ${cp} of ${field}`)
  }
}

function readRelation(
  relation: ShapeReader,
  traceId: string,
  spanIds: ReadonlySet<string>,
): Relation {
  const endpoint = (key: 'from' | 'to') => {
    const id = relation.string(key)
    return spanIds.has(id)
      ? id
      : relation.fail(key, `span ${JSON.stringify(id)} is not on this line`)
  }
  return {
    id: relation.string('id'),
    traceId,
    from: endpoint('from'),
    to: endpoint('to'),
    label: relation.string('label'),
    annotator: relation.string('annotator'),
  }
}
