import type { FieldMap } from '../traces/trace-model'
import { isSpanList, SPAN_FIELDS } from './source-spans'
import { splitThought } from './thought-markers'

/**
 * Guesses which source field is which trace field from the names of DESIGN section 3, looking
 * at a sample of records. A name counts when most sampled records hold text (or a list of texts)
 * there. When no reasoning field is named, a field whose values hold thought markers, or else the
 * longest free-text field that is not a reference by name, is the reasoning.
 */
export const FIELD_CANDIDATES = {
  problem: ['chat.problem', 'problem', 'question', 'prompt', 'input', 'query', 'instruction'],
  reasoning: [
    'chat.reasoning',
    'chunks.reasoning',
    'reasoning',
    'reasoning_content',
    'thinking',
    'thinking_trajectories',
    'deepseek_reasoning',
    'deepseek_thinking_trajectory',
    'gemini_thinking_trajectory',
    'trace',
    'cot',
    'generation',
  ],
  answer: [
    'chat.answer',
    'attempt',
    'response',
    'output',
    'content',
    'deepseek_solution',
    'deepseek_attempt',
    'gen_ans',
    'generated_answer',
    'model_answer',
    'pred_answer',
    'predicted_answer',
    'prediction',
    'extracted_answer',
    'final_answer',
    'model_output',
  ],
  gold: [
    'gold',
    'gold_answer',
    'ground_truth',
    'ground_truth_answer',
    'ground_truth_solution',
    'gt',
    'gt_answer',
    'correct_answer',
    'answer_key',
    'expected_answer',
    'reference_answer',
    'target',
    'solution',
    'reference',
  ],
  id: ['id', 'uuid', 'idx', 'item_id', 'key'],
  model: ['model', 'model_name', 'generator'],
  correct: ['correct', 'is_correct', 'correctness', 'correctness_math_verify', 'score'],
  spans: SPAN_FIELDS,
} as const satisfies Record<keyof FieldMap, readonly string[]>

type SourceRecord = Record<string, unknown>

export function detectFieldMap(samples: SourceRecord[]): FieldMap {
  const used = new Set<string>()
  const pick = (names: readonly string[], accept: (v: unknown) => boolean) => {
    const name = names.find((n) => !used.has(n) && mostly(samples, n, accept))
    if (name) used.add(name)
    return name
  }
  const map: FieldMap = {}
  map.reasoning = pick(FIELD_CANDIDATES.reasoning, isTextish)
  map.answer = pick(FIELD_CANDIDATES.answer, isTextish)
  map.problem = pick(FIELD_CANDIDATES.problem, isTextish)
  // A text holding thought markers is a model output, never a reference answer.
  map.gold = pick(FIELD_CANDIDATES.gold, (v) => isScalar(v) && !holdsMarkers(v))
  map.id = pick(FIELD_CANDIDATES.id, isScalar)
  map.model = pick(FIELD_CANDIDATES.model, isScalar)
  map.correct =
    pick(FIELD_CANDIDATES.correct, isBoolean) ??
    pick(
      names(samples).filter((n) => /correct/i.test(n)),
      isBoolean,
    )
  map.spans = pick(FIELD_CANDIDATES.spans, isSpanList)
  if (!map.reasoning && map.answer && mostly(samples, map.answer, holdsMarkers)) {
    // `output: "<think>…</think>…"`: the answer field holds the whole model output.
    map.reasoning = map.answer
    map.answer = undefined
  }
  const embedsAnswer = !map.reasoning || mostly(samples, map.reasoning, holdsMarkers)
  // A prompt is context, whatever markers its one-shot example holds (issue #9).
  const context: readonly string[] = FIELD_CANDIDATES.problem
  if (!map.reasoning) {
    const byValue = reasoningByValue(samples, new Set([...used, ...context, 'answer']))
    // The model's own output, when it is the longest text: a nested response's `content`.
    if (map.answer && averageText(samples, map.answer) >= averageText(samples, byValue)) {
      map.reasoning = map.answer
      map.answer = undefined
    } else map.reasoning = byValue
  }
  // `answer` is the model's answer unless the model's output holds one already: a reasoning with
  // thought markers, or one found by value (SkyThought's `code`, whose `answer` is the reference).
  if (!map.answer && !embedsAnswer) map.answer = pick(['answer'], isTextish)
  // By value: a text that states an answer ("Answer: B", "答案", `\boxed{}`) beside the reasoning.
  if (!map.answer && !embedsAnswer)
    map.answer = pick(
      names(samples).filter(
        (n) =>
          n !== map.reasoning &&
          !context.includes(n) &&
          !(FIELD_CANDIDATES.gold as readonly string[]).includes(n),
      ),
      (v) => typeof v === 'string' && ANSWER_CUE.test(v),
    )
  // With a correctness flag given, a lone `answer` is the model's extracted answer (Thought
  // Anchors' `is_correct` + `answer`), not a reference: leave it in extra.
  if (!map.gold && !map.correct) map.gold = pick(['answer'], isScalar)
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v)) as FieldMap
}

const ANSWER_CUE = /\banswer\s*(?:is\b|[:：])|\\boxed\s*\{|答案|উত্তর/i

function names(samples: SourceRecord[]): string[] {
  return [...new Set(samples.flatMap(Object.keys))]
}

function isBoolean(v: unknown): boolean {
  return typeof v === 'boolean'
}

function reasoningByValue(samples: SourceRecord[], used: Set<string>): string | undefined {
  const names = [...new Set(samples.flatMap(Object.keys))].filter((n) => !used.has(n))
  const withMarkers = names.find((n) => mostly(samples, n, holdsMarkers))
  if (withMarkers) return withMarkers
  // A reference solution (`solution`, `reference`) can be longer than a short model output.
  const gold: readonly string[] = FIELD_CANDIDATES.gold
  let best: string | undefined
  let bestLength = 0
  for (const n of names) {
    if (gold.includes(n) || !mostly(samples, n, isTextish)) continue
    const length = samples.reduce((sum, r) => sum + textLength(r[n]), 0)
    if (length > bestLength) [best, bestLength] = [n, length]
  }
  // A field of a few characters per row (ids, labels) is not a reasoning trace.
  return bestLength / Math.max(samples.length, 1) >= 40 ? best : undefined
}

function mostly(samples: SourceRecord[], name: string, accept: (v: unknown) => boolean) {
  const hits = samples.filter((r) => r[name] !== undefined && r[name] !== null && accept(r[name]))
  return hits.length > 0 && hits.length * 2 >= samples.length
}

export function isTextish(v: unknown): boolean {
  return typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))
}

/** A text, or a list of texts, with thought markers in it. */
function holdsMarkers(v: unknown): boolean {
  const texts = typeof v === 'string' ? [v] : Array.isArray(v) ? v : []
  return texts.some((t) => typeof t === 'string' && splitThought(t) !== null)
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
}

function averageText(samples: SourceRecord[], name: string | undefined): number {
  if (name === undefined) return 0
  return samples.reduce((sum, r) => sum + textLength(r[name]), 0) / Math.max(samples.length, 1)
}

function textLength(v: unknown): number {
  if (typeof v === 'string') return v.length
  return Array.isArray(v) ? v.reduce((n: number, x) => n + String(x).length, 0) : 0
}

/**
 * Why no reasoning field was chosen although a field has a reasoning name (issue #12): "no
 * reasoning field found" is wrong when `reasoning` is there but mostly holds numbers. Returns the
 * first such field with what its values are, or null when no field has a reasoning name.
 */
export function explainMissingReasoning(samples: SourceRecord[]): string | null {
  const present = names(samples)
  const field = FIELD_CANDIDATES.reasoning.find((n) => present.includes(n))
  if (field === undefined) {
    return `No field has a reasoning name (${FIELD_CANDIDATES.reasoning.slice(2, 6).join(', ')}, …) and none holds text with thought markers: choose the field that holds the reasoning.`
  }
  const kinds = new Map<string, number>()
  let held = 0
  for (const r of samples) {
    if (!(field in r)) continue
    held += 1
    const kind = kindOf(r[field])
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
  }
  const [top, count] = [...kinds.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['nothing', 0]
  return `The "${field}" field holds ${top} (${count} of the ${held} records read that have it), not text, so it was not taken as the reasoning. Choose the field that holds the reasoning, or fix the file.`
}

function kindOf(v: unknown): string {
  if (v === null) return 'null'
  if (typeof v === 'string') return v.trim() === '' ? 'empty texts' : 'texts'
  if (typeof v === 'number') return 'numbers'
  if (typeof v === 'boolean') return 'true/false values'
  if (Array.isArray(v)) return 'lists'
  return 'objects'
}
