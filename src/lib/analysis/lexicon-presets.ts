/**
 * Lexicons shipped with Tracemark (DESIGN.md section 4). Users edit copies, never these objects:
 * the ids are referenced by stored metrics (`TraceMetrics.lexiconId`) and must not change.
 * Colours are light enough to sit behind dark text as a highlight background.
 */
import type { Lexicon } from '../traces/trace-model'

/** Highlight colours of the four pivot types, reused by the matching taxonomy labels. */
export const PIVOT_COLORS = {
  realization: '#ffd6a5',
  verification: '#b9f6c5',
  exploration: '#bde0fe',
  integration: '#e4c9ff',
} as const

/** "Style over Substance" pivots: four categories after the paper. */
export const PIVOT_LEXICON: Lexicon = {
  id: 'sos-pivots',
  name: 'Style over Substance pivots',
  categories: [
    {
      id: 'realization',
      name: 'Realization',
      color: PIVOT_COLORS.realization,
      phrases: [
        'wait',
        'hmm',
        'oh',
        'ah',
        'oops',
        'actually',
        'hold on',
        'my mistake',
        'I made a mistake',
        'scratch that',
        'never mind',
      ],
    },
    {
      id: 'verification',
      name: 'Verification',
      color: PIVOT_COLORS.verification,
      phrases: [
        'let me check',
        'let me verify',
        'let me double-check',
        'double-check',
        'let me confirm',
        "let's verify",
        'to verify',
        'check again',
        'sanity check',
        'make sure',
      ],
    },
    {
      id: 'exploration',
      name: 'Exploration',
      color: PIVOT_COLORS.exploration,
      phrases: [
        'what if',
        'alternatively',
        'another approach',
        'another way',
        'let me try',
        "let's try",
        'maybe',
        'perhaps',
        'suppose',
        'on the other hand',
        'instead',
      ],
    },
    {
      id: 'integration',
      name: 'Integration',
      color: PIVOT_COLORS.integration,
      phrases: [
        'now I see',
        'putting it together',
        'so the answer',
        'therefore',
        'thus',
        'hence',
        'in conclusion',
        'to summarize',
        'final answer',
      ],
    },
  ],
}

/** The 17 reflection tokens of "Wait, We Don't Need to 'Wait'!" (NoWait). */
export const REFLECTION_TOKENS_LEXICON: Lexicon = {
  id: 'reflection-tokens',
  name: 'Reflection tokens',
  categories: [
    {
      id: 'reflection',
      name: 'Reflection token',
      color: '#fff3a3',
      phrases: [
        'wait',
        'alternatively',
        'hmm',
        'but',
        'however',
        'alternative',
        'another',
        'check',
        'double-check',
        'oh',
        'maybe',
        'verify',
        'other',
        'again',
        'now',
        'ah',
        'any',
      ],
    },
  ],
}

/** Self-reflection keywords of "Understanding R1-Zero-Like Training". */
export const SELF_REFLECTION_LEXICON: Lexicon = {
  id: 'self-reflection',
  name: 'Self-reflection keywords',
  categories: [
    {
      id: 'self-reflection',
      name: 'Self-reflection',
      color: '#ffc9e3',
      phrases: [
        'recheck',
        'rethink',
        'reassess',
        'reevaluate',
        're-evaluate',
        'reevaluation',
        're-examine',
        'reexamine',
        'reconsider',
        'reanalyze',
        'double-check',
        'check again',
        'think again',
        'verify again',
        'go over the steps',
      ],
    },
  ],
}

export const LEXICON_PRESETS: Lexicon[] = [
  PIVOT_LEXICON,
  REFLECTION_TOKENS_LEXICON,
  SELF_REFLECTION_LEXICON,
]

export const DEFAULT_LEXICON_ID = PIVOT_LEXICON.id
