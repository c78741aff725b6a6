/**
 * A comparison of two datasets as LLM Comparator JSON (PAIR-code/llm-comparator; schema in
 * ../shared/FORMATS.md): one example per problem both datasets answer, the problem as
 * `input_text`, each trace as `<think>reasoning</think>answer`, and the style metrics as
 * per-model custom fields. There is no judge: `score` is +1 where only A is correct, -1 where
 * only B is, 0 otherwise, so the tool's win rate reads as "who is right more often".
 */
import type { Trace, TraceTexts } from '../traces/trace-model'

export interface ComparatorSide {
  trace: Trace
  texts: TraceTexts
}

export interface ComparatorPair {
  a: ComparatorSide
  b: ComparatorSide
}

type FieldType = 'per_model_number' | 'per_model_boolean' | 'per_model_category' | 'string'

export interface LlmComparatorFile {
  metadata: { source_path: string; custom_fields_schema: { name: string; type: FieldType }[] }
  models: [{ name: string }, { name: string }]
  examples: LlmComparatorExample[]
}

export interface LlmComparatorExample {
  input_text: string
  tags: string[]
  output_text_a: string
  output_text_b: string
  score: number
  individual_rater_scores: []
  custom_fields: Record<string, string | (number | boolean | string)[]>
}

const FIELDS: { name: string; type: FieldType; value?: (t: Trace) => number | boolean | string }[] =
  [
    { name: 'problem_key', type: 'string' },
    { name: 'correctness', type: 'per_model_category', value: (t) => correctness(t.correct) },
    { name: 'words', type: 'per_model_number', value: (t) => t.metrics.words },
    { name: 'steps', type: 'per_model_number', value: (t) => t.metrics.steps },
    { name: 'pivots', type: 'per_model_number', value: (t) => t.metrics.pivotTotal },
    { name: 'pivots_per_1k', type: 'per_model_number', value: (t) => round(t.metrics.pivotsPer1k) },
    { name: 'pivot_types', type: 'per_model_number', value: (t) => t.metrics.pivotCategories },
    { name: 'backtracks', type: 'per_model_number', value: (t) => t.metrics.backtracks },
    { name: 'verifications', type: 'per_model_number', value: (t) => t.metrics.verifications },
    { name: 'has_final_answer', type: 'per_model_boolean', value: (t) => t.metrics.hasFinalAnswer },
  ]

export function llmComparatorFile(args: {
  modelNames: [string, string]
  pairs: readonly ComparatorPair[]
  sourcePath: string
}): LlmComparatorFile {
  return {
    metadata: {
      source_path: args.sourcePath,
      custom_fields_schema: FIELDS.map(({ name, type }) => ({ name, type })),
    },
    models: [{ name: args.modelNames[0] }, { name: args.modelNames[1] }],
    examples: args.pairs.map(example),
  }
}

function example({ a, b }: ComparatorPair): LlmComparatorExample {
  const custom_fields: LlmComparatorExample['custom_fields'] = {
    problem_key: a.trace.key,
  }
  for (const f of FIELDS) if (f.value) custom_fields[f.name] = [f.value(a.trace), f.value(b.trace)]
  return {
    input_text: a.texts.problem || b.texts.problem,
    tags: [`A ${correctness(a.trace.correct)}`, `B ${correctness(b.trace.correct)}`],
    output_text_a: output(a.texts),
    output_text_b: output(b.texts),
    score:
      a.trace.correct === true && b.trace.correct !== true
        ? 1
        : b.trace.correct === true && a.trace.correct !== true
          ? -1
          : 0,
    individual_rater_scores: [],
    custom_fields,
  }
}

function output(texts: TraceTexts): string {
  return `<think>${texts.reasoning}</think>${texts.answer}`
}

function correctness(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'correct' : 'incorrect'
}

const round = (v: number) => Math.round(v * 100) / 100

/** The first trace (in source order) of each problem both datasets hold, in A's order. */
export function pairByProblem(a: readonly Trace[], b: readonly Trace[]): [Trace, Trace][] {
  const first = (traces: readonly Trace[]) => {
    const out = new Map<string, Trace>()
    for (const t of [...traces].sort((x, y) => x.ordinal - y.ordinal)) {
      if (!out.has(t.problemHash)) out.set(t.problemHash, t)
    }
    return out
  }
  const inB = first(b)
  const pairs: [Trace, Trace][] = []
  for (const [hash, trace] of first(a)) {
    const other = inB.get(hash)
    if (other) pairs.push([trace, other])
  }
  return pairs
}
