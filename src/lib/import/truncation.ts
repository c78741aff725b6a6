/**
 * Whether a trace was cut off before the model finished (issue #9): a trace that hit the length
 * limit often loops, so its length and pivots measure the loop, not the model's style, and the
 * stats split such traces apart. Decided once at import from what the source shows:
 * - the source's own finish reason says so (`finish_reason` / `done_reason` / `stop_reason`
 *   is `length`, `max_tokens`, ...);
 * - a thought block was opened and never closed (`<think>` without `</think>`);
 * - there is no answer and no final answer in the text, and the text ends mid-sentence.
 */
import type { SplitThought } from './thought-markers'

/** Source fields that name why generation stopped (OpenAI, vLLM, Ollama, Anthropic). */
export const FINISH_REASON_FIELDS = [
  'finish_reason',
  'done_reason',
  'stop_reason',
  'finish_reasons',
  'stop_reasons',
] as const

const LENGTH_REASONS = new Set([
  'length',
  'max_tokens',
  'max_length',
  'max_new_tokens',
  'token_limit',
])

export interface TruncationInput {
  /** The whole model output as read, before thought markers were split off. */
  rawReasoning: string
  split: SplitThought | null
  answer: string
  /** The value of the first finish-reason field of the source record, if any. */
  finishReason: unknown
}

export type TruncationCause = 'finish-reason' | 'unclosed-thought' | 'ends-mid-sentence'

export function truncationCause(input: TruncationInput): TruncationCause | null {
  const reason = input.finishReason
  const reasons = Array.isArray(reason) ? reason : [reason]
  if (reasons.some((r) => typeof r === 'string' && LENGTH_REASONS.has(r.toLowerCase())))
    return 'finish-reason'
  if (input.split && !input.split.closed && input.split.reasoning !== '') return 'unclosed-thought'
  const text = input.rawReasoning.trimEnd()
  if (text === '' || input.answer.trim() !== '' || hasFinalAnswer(text)) return null
  return endsMidSentence(text) ? 'ends-mid-sentence' : null
}

export function isTruncated(input: TruncationInput): boolean {
  return truncationCause(input) !== null
}

/** The finish reason of a (flat) source record, or undefined when it names none. */
export function finishReasonOf(record: Record<string, unknown>): unknown {
  for (const field of FINISH_REASON_FIELDS) if (record[field] != null) return record[field]
  return undefined
}

function hasFinalAnswer(text: string): boolean {
  return /\\boxed\s*\{|final answer|\banswer\s*(?:is|:)|答案|উত্তর/i.test(text)
}

/**
 * A text ends mid-sentence when its last character is a letter, digit or comma (not closing
 * punctuation, a bracket, a quote, maths or code).
 */
function endsMidSentence(text: string): boolean {
  return /[\p{L}\p{N},;]$/u.test(text) && !/[。！？]$/u.test(text)
}
