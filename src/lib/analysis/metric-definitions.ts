/**
 * What each stored metric means, in words, for the info tooltips of the reader and the stats
 * view (and the README, which repeats them). Keep in step with metrics.ts.
 */
import type { TraceMetrics } from '../traces/trace-model'
import { BACKTRACK_MARKERS } from './backtracks'

/** The numeric metrics a distribution can be drawn of. */
export type NumericMetric =
  | 'chars'
  | 'words'
  | 'tokens'
  | 'steps'
  | 'sentences'
  | 'pivotTotal'
  | 'pivotsPer1k'
  | 'pivotCategories'
  | 'backtracks'
  | 'verifications'
  | 'firstPivotAt'

export interface MetricDefinition {
  key: NumericMetric
  label: string
  definition: string
}

export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  {
    key: 'chars',
    label: 'Characters',
    definition: 'Length of the reasoning in UTF-16 code units (JavaScript string length).',
  },
  {
    key: 'words',
    label: 'Words',
    definition:
      'Runs of non-space characters that hold a letter or digit; each CJK character counts as a word of its own.',
  },
  {
    key: 'tokens',
    label: 'Tokens (approx.)',
    definition:
      'Characters divided by 4, rounded: the usual rule of thumb for English BPE vocabularies, not a real tokenizer.',
  },
  {
    key: 'steps',
    label: 'Steps',
    definition: 'Paragraphs: pieces of the reasoning between blank lines.',
  },
  {
    key: 'sentences',
    label: 'Sentences',
    definition:
      'Pieces ending after . ? or ! (with closing quotes or brackets) followed by white space, and at step ends; pieces under 10 characters are merged into the next.',
  },
  {
    key: 'pivotTotal',
    label: 'Pivots',
    definition:
      'Matches of the active lexicon’s phrases: case-insensitive, at word boundaries, the longest phrase winning where several start at the same place, never overlapping.',
  },
  {
    key: 'pivotsPer1k',
    label: 'Pivots per 1k words',
    definition:
      'Pivots divided by words, times 1,000: pivot density, comparable across trace lengths.',
  },
  {
    key: 'pivotCategories',
    label: 'Pivot types present',
    definition:
      'How many of the lexicon’s categories occur at least once. With the default lexicon, “Style over Substance” reports that almost all successful R1 traces use at least 3 of its 4 types.',
  },
  {
    key: 'backtracks',
    label: 'Backtracks',
    definition: `Backtracking spans. A backtrack starts at a marker (${BACKTRACK_MARKERS.map((m) => `“${m}”`).join(', ')}), matched like a lexicon phrase, and runs to the end of its step or to the next pivot after the marker, whichever comes first; a marker inside a backtrack does not start another. The step before is the abandoned branch.`,
  },
  {
    key: 'verifications',
    label: 'Verifications',
    definition: 'Pivots of the lexicon’s “verification” category (0 when the lexicon has none).',
  },
  {
    key: 'firstPivotAt',
    label: 'First pivot at',
    definition:
      'Where the first pivot starts, as a fraction of the reasoning (0 = the start); empty without pivots.',
  },
]

export const EXTRA_DEFINITIONS = {
  hasFinalAnswer:
    'Whether the reasoning or the answer holds \\boxed{…} or the words “final answer”.',
  correct:
    'From the source’s own correctness field when it has one; otherwise the last balanced \\boxed{…} (or the text after “final answer:”) compared with the gold answer after normalisation (spaces, $, \\text{}, \\dfrac, leading zeros, equal numbers). Unknown when either is missing.',
  phraseCounts:
    'Matches per lexicon phrase, stored with each trace so top phrases need no re-reading of the texts.',
  pivotPositions: 'Pivots per tenth of the reasoning, by where each pivot starts.',
} as const

export function metricValue(metrics: TraceMetrics, key: NumericMetric): number | null {
  return metrics[key]
}

export function definitionOf(key: NumericMetric): MetricDefinition {
  const found = METRIC_DEFINITIONS.find((d) => d.key === key)
  if (found === undefined) throw new Error(`no definition for ${key}`)
  return found
}
