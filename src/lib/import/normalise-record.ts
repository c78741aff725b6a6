import type { FieldMap } from '../traces/trace-model'
import { isTextish } from './detect-fields'
import { PART_FIELD } from './shapes'
import { placeSpans, readSpanList, type SourceRelation, type SourceSpan } from './source-spans'
import { splitThought } from './thought-markers'
import { finishReasonOf, isTruncated } from './truncation'

/** One source record turned into the trace fields of DESIGN section 2, before metrics. */
export interface NormalisedTrace {
  key: string
  problem: string
  reasoning: string
  answer: string
  gold: string
  model: string
  correct: boolean | null
  /** Cut off before the model finished (truncation.ts). */
  truncated: boolean
  /** Span annotations the source carries, on the stored texts. */
  spans: SourceSpan[]
  relations: SourceRelation[]
  extra: Record<string, unknown>
}

export class RowError extends Error {}

/** Where the original of a text field is kept in `extra` when line endings were normalised. */
export const ORIGINAL_PREFIX = 'tracemark.original.'

export function normaliseRecord(
  record: unknown,
  map: FieldMap,
  rowNumber: number,
): NormalisedTrace {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new RowError(`expected a JSON object, found ${describe(record)}`)
  }
  const source = record as Record<string, unknown>
  if (!map.reasoning) throw new RowError('no field is mapped to the reasoning')
  const mapped = new Set<string>([...Object.values(map), PART_FIELD])
  const extra = Object.fromEntries(Object.entries(source).filter(([k]) => !mapped.has(k)))
  const take = (name: string | undefined, textual = true): string => {
    if (!name) return ''
    const value = source[name]
    if (value === undefined || value === null) return ''
    if (textual && !isTextish(value)) {
      throw new RowError(`field "${name}" holds ${describe(value)}, expected text`)
    }
    return Array.isArray(value) ? value.join('\n\n') : String(value)
  }
  checkReasoning(source[map.reasoning], map.reasoning, map.answer ? source[map.answer] : undefined)
  const rawReasoning = take(map.reasoning)
  let reasoning = rawReasoning
  let answer = take(map.answer)
  const split = splitThought(rawReasoning)
  if (split) {
    reasoning = split.reasoning
    if (!answer) answer = split.answer
  }
  const truncated = isTruncated({
    rawReasoning,
    split,
    answer,
    finishReason: finishReasonOf(source),
  })
  const sourceSpans = map.spans ? readSpanList(source[map.spans]) : null
  const placed = sourceSpans
    ? placeSpans(sourceSpans, {
        raw: rawReasoning,
        from: split ? split.reasoningStart : 0,
        length: reasoning.length,
      })
    : { spans: [], unplaced: 0 }
  // Spans that could not be placed stay in extra with their list: never dropped.
  if (map.spans && (placed.unplaced > 0 || sourceSpans === null) && map.spans in source)
    extra[map.spans] = source[map.spans]
  const part = source[PART_FIELD]
  const baseKey = take(map.id, false) || String(rowNumber)
  const key = part === undefined ? baseKey : `${baseKey}#${String(part)}`
  const texts = {
    problem: take(map.problem),
    reasoning,
    answer,
    gold: take(map.gold, false),
  }
  for (const [field, text] of Object.entries(texts)) {
    if (text.includes('\r')) extra[ORIGINAL_PREFIX + field] = text
  }
  return {
    key,
    problem: toLf(texts.problem),
    reasoning: toLf(texts.reasoning),
    answer: toLf(texts.answer),
    gold: toLf(texts.gold),
    model: take(map.model, false),
    correct: toCorrect(map.correct ? source[map.correct] : undefined),
    truncated,
    spans: placed.spans,
    relations: [],
    extra,
  }
}

/**
 * A trace without reasoning text is a bad row, not an empty trace (issue #12): a missing field,
 * null, an empty list, a list of non-texts, and an empty or blank text are refused with the field
 * named. One exception keeps real data: an empty text beside an answer is a run with thinking
 * switched off (the thinktraces think-off files), a trace to compare with its think-on twin.
 * A list of texts is read as one text (its items joined), as the detector accepts it.
 */
function checkReasoning(value: unknown, field: string, answer: unknown): void {
  const refuse = (what: string) =>
    new RowError(`the reasoning field "${field}" ${what}: a trace needs its reasoning as text`)
  if (value === undefined) throw new RowError(`the reasoning field "${field}" is missing`)
  if (value === null) throw refuse('is null')
  const answered = typeof answer === 'string' && answer.trim() !== ''
  if (typeof value === 'string' && value.trim() === '' && !answered)
    throw refuse(
      value === ''
        ? 'is an empty text (and there is no answer)'
        : 'holds only white space (and there is no answer)',
    )
  if (Array.isArray(value)) {
    if (value.length === 0) throw refuse('is an empty list')
    if (!value.every((x) => typeof x === 'string'))
      throw refuse(`is a list holding ${describe(value.find((x) => typeof x !== 'string'))}`)
    if (value.every((x) => (x as string).trim() === '')) throw refuse('is a list of empty texts')
  }
}

function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

function toCorrect(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value
  if (value === 1 || value === 'true' || value === 'True') return true
  if (value === 0 || value === 'false' || value === 'False') return false
  return null
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}
