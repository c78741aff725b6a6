/**
 * Span annotations that a source dataset already carries (issue #9): existing labels are data,
 * never dropped. A record's span list (`spans`, doccano-style `label` / `labels`, `entities`)
 * holds `[start, end, label]` triples or objects with `start`/`end` (or `start_offset`/
 * `end_offset`), a label (or a list of labels) and optionally the spanned `text`. Offsets count
 * in the text of the record's reasoning field as read; they are moved onto the stored reasoning
 * (after thought markers are split off and line endings normalised). When a span gives its text,
 * its unit is checked (UTF-16, else code points, as Python writes them).
 */
import { codePointToUtf16 } from '../text/offsets'
import type { TextField } from '../traces/trace-model'

/** A span as the import writes it: an `imported` annotation of the stored text. */
export interface SourceSpan {
  field: TextField
  start: number
  end: number
  label: string
  note: string
  attributes?: Record<string, unknown>
}

/** A directed link between two spans of the same trace, by their index in its span list. */
export interface SourceRelation {
  from: number
  to: number
  label: string
}

/** Field names that hold span lists, in order of preference. */
export const SPAN_FIELDS = [
  'chunks.spans',
  'spans',
  'label',
  'labels',
  'entities',
  'annotations',
] as const

interface RawSpan {
  start: number
  end: number
  labels: string[]
  text: string | null
  note: string
  attributes: Record<string, unknown>
}

/** The spans of a list, or null when the value is not a list of spans. */
export function readSpanList(value: unknown): RawSpan[] | null {
  if (!Array.isArray(value)) return null
  const spans: RawSpan[] = []
  for (const item of value) {
    const span = readSpan(item)
    if (span === null) return null
    spans.push(span)
  }
  return spans
}

export function isSpanList(value: unknown): boolean {
  const spans = readSpanList(value)
  return spans !== null && spans.length > 0
}

function readSpan(item: unknown): RawSpan | null {
  if (Array.isArray(item)) {
    const [start, end, label] = item as unknown[]
    if (!isOffset(start) || !isOffset(end) || typeof label !== 'string') return null
    return { start, end, labels: [label], text: null, note: '', attributes: {} }
  }
  if (typeof item !== 'object' || item === null) return null
  const o = item as Record<string, unknown>
  const start = o.start ?? o.start_offset
  const end = o.end ?? o.end_offset
  if (!isOffset(start) || !isOffset(end)) return null
  const label = o.label ?? o.labels ?? o.tag ?? o.type
  const labels = typeof label === 'string' ? [label] : Array.isArray(label) ? label : null
  if (labels === null || !labels.every((l) => typeof l === 'string')) return null
  const known = new Set(['start', 'end', 'start_offset', 'end_offset', 'label', 'labels', 'tag'])
  const attributes = Object.fromEntries(
    Object.entries(o).filter(([k]) => !known.has(k) && !['text', 'note', 'type'].includes(k)),
  )
  const text = typeof o.text === 'string' ? o.text : null
  const note = typeof o.note === 'string' ? o.note : ''
  return { start, end, labels: labels as string[], text, note, attributes }
}

function isOffset(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0
}

/** Where the stored reasoning sits in the raw text its spans count in. */
export interface ReasoningPlacement {
  raw: string
  /** Offset in `raw` of the first character of the stored reasoning (before line endings). */
  from: number
  /** Length in `raw` of the stored reasoning (before line endings are normalised). */
  length: number
}

/**
 * Moves a record's spans onto the stored reasoning. Spans outside it (in a split-off answer, or
 * whose text does not match in either unit) are returned as `unplaced`.
 */
export function placeSpans(
  raw: RawSpan[],
  at: ReasoningPlacement,
): { spans: SourceSpan[]; unplaced: number } {
  const spans: SourceSpan[] = []
  let unplaced = 0
  const stored = at.raw.slice(at.from, at.from + at.length)
  for (const span of raw) {
    const utf16 = inUtf16(span, at.raw)
    if (utf16 === null) {
      unplaced += 1
      continue
    }
    const start = utf16.start - at.from
    const end = utf16.end - at.from
    if (start < 0 || end > at.length || end <= start) {
      unplaced += 1
      continue
    }
    for (const label of span.labels) {
      spans.push({
        field: 'reasoning',
        start: toLfOffset(stored, start),
        end: toLfOffset(stored, end),
        label,
        note: span.note,
        ...(Object.keys(span.attributes).length > 0 ? { attributes: span.attributes } : {}),
      })
    }
  }
  return { spans, unplaced }
}

function inUtf16(span: RawSpan, text: string): { start: number; end: number } | null {
  if (span.end > text.length * 2) return null
  if (span.text === null || text.slice(span.start, span.end) === span.text) {
    return span.end <= text.length ? { start: span.start, end: span.end } : null
  }
  const start = codePointToUtf16(text, span.start)
  const end = codePointToUtf16(text, span.end)
  return text.slice(start, end) === span.text ? { start, end } : null
}

/** The offset in the text after `\r\n` and `\r` became `\n`: each `\r\n` before it is one less. */
function toLfOffset(text: string, offset: number): number {
  let pairs = 0
  for (let i = text.indexOf('\r\n'); i >= 0 && i < offset - 1; i = text.indexOf('\r\n', i + 2))
    pairs += 1
  return offset - pairs
}
