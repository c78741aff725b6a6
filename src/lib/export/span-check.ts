/**
 * The exporters' guard (DESIGN section 6): a span is written only if its stored offsets
 * still select its quote and convert to code points that select the same text.
 * An orphaned span stops the export of its trace with an ExportError naming trace and span;
 * it is never written with offsets that would point at other text.
 */
import { makeOffsetConverter, type OffsetConverter } from '../text/offsets'
import { quoteMismatch } from '../text/orphan'
import {
  TEXT_FIELDS,
  type Annotation,
  type TextField,
  type TraceTexts,
} from '../traces/trace-model'

export class ExportError extends Error {
  /** The trace's source key (what the user sees in the table). */
  readonly traceKey: string
  /** The offending annotation, or null when the problem is not one span's. */
  readonly spanId: string | null

  constructor(traceKey: string, spanId: string | null, detail: string) {
    const where = spanId === null ? '' : `, span ${JSON.stringify(spanId)}`
    super(`trace ${JSON.stringify(traceKey)}${where}: ${detail}`)
    this.name = 'ExportError'
    this.traceKey = traceKey
    this.spanId = spanId
  }
}

export interface CheckedSpan {
  /** UTF-16 offsets, end exclusive, as stored. */
  start: number
  end: number
  /** The same span in code points (Python `str` offsets). */
  startCp: number
  endCp: number
}

export function isTextField(value: unknown): value is TextField {
  return TEXT_FIELDS.some((field) => field === value)
}

/** One converter per field, built on first use (most traces annotate only `reasoning`). */
export function fieldConverters(
  texts: Pick<TraceTexts, TextField>,
): (field: TextField) => OffsetConverter {
  const cache = new Map<TextField, OffsetConverter>()
  return (field) => {
    let converter = cache.get(field)
    if (converter === undefined) {
      converter = makeOffsetConverter(texts[field])
      cache.set(field, converter)
    }
    return converter
  }
}

/** Checks the annotations of one trace against its texts and adds code-point offsets. */
export function makeSpanChecker(
  traceKey: string,
  texts: Pick<TraceTexts, TextField>,
): (annotation: Annotation) => CheckedSpan {
  const converterFor = fieldConverters(texts)
  return (annotation) => {
    const fail = (detail: string) => new ExportError(traceKey, annotation.id, detail)
    const { field, start, end, quote } = annotation
    if (!isTextField(field)) throw fail(`unknown field ${JSON.stringify(field)}`)
    const mismatch = quoteMismatch(texts[field], start, end, quote)
    if (mismatch !== null) throw fail(`orphaned span in ${field}: ${mismatch}`)
    const converter = converterFor(field)
    let startCp: number
    let endCp: number
    try {
      startCp = converter.toCodePoint(start)
      endCp = converter.toCodePoint(end)
    } catch (error) {
      throw fail(`span in ${field} cannot be given in code points: ${(error as Error).message}`)
    }
    if (converter.toUtf16(startCp) !== start || converter.toUtf16(endCp) !== end) {
      throw fail(`code-point offsets ${startCp}..${endCp} do not map back to ${start}..${end}`)
    }
    return { start, end, startCp, endCp }
  }
}
