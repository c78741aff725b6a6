/**
 * Label sets shipped for annotation (DESIGN.md section 4). Users annotate with editable copies;
 * label ids are stored in annotations and exports, so do not rename them.
 * Shortcuts: one character each, unique within a taxonomy, never a key the app reserves
 * (j k n p u r z ?); digits are used so they never collide with navigation letters.
 */
import type { Taxonomy, TaxonomyLabel } from '../traces/trace-model'
import { PIVOT_COLORS } from './lexicon-presets'

/** Light highlight colours for labels that are not pivot types. */
const PALETTE = [
  '#fbcfe8',
  '#c7d2fe',
  '#fef08a',
  '#fecaca',
  '#99f6e4',
  '#d9f99d',
  '#a5f3fc',
  '#f5d0fe',
  '#e7e5e4',
] as const

type LabelSpec = readonly [id: string, name: string, description: string, color?: string]

/** Span labels with shortcuts '1', '2', ... in order, colours from PALETTE unless given. */
function spanLabels(specs: readonly LabelSpec[], firstKey = 1): TaxonomyLabel[] {
  return specs.map(([id, name, description, color], i) => ({
    id,
    name,
    description,
    color: color ?? PALETTE[i % PALETTE.length] ?? '#e7e5e4',
    shortcut: String((firstKey + i) % 10),
    level: 'span',
  }))
}

function traceLabel(id: string, name: string, description: string, color: string): TaxonomyLabel {
  return { id, name, description, color, shortcut: '', level: 'trace' }
}

const styleOverSubstance: Taxonomy = {
  id: 'sos',
  name: 'Style over Substance',
  labels: [
    ...spanLabels([
      [
        'realization',
        'Realization',
        'Pivot: noticing something ("wait", "hmm", "oops")',
        PIVOT_COLORS.realization,
      ],
      [
        'verification',
        'Verification',
        'Pivot: checking a result ("let me check")',
        PIVOT_COLORS.verification,
      ],
      [
        'exploration',
        'Exploration',
        'Pivot: trying another path ("what if", "alternatively")',
        PIVOT_COLORS.exploration,
      ],
      [
        'integration',
        'Integration',
        'Pivot: bringing results together ("therefore", "so the answer")',
        PIVOT_COLORS.integration,
      ],
      ['backtrack', 'Backtrack', 'The trace turns away from what it was doing', '#fecaca'],
      [
        'stage-framing',
        'Stage: problem framing',
        'Restating the problem and what is asked',
        '#fbcfe8',
      ],
      ['stage-exploration', 'Stage: exploration', 'Searching for an approach', '#c7d2fe'],
      ['stage-verification', 'Stage: verification', 'Checking the work', '#99f6e4'],
      ['stage-synthesis', 'Stage: synthesis', 'Assembling the final answer', '#fef08a'],
      [
        'abandoned-branch',
        'Abandoned branch',
        'Reasoning the trace later turns away from',
        '#e7e5e4',
      ],
    ]),
    traceLabel(
      'origin-emergent',
      'Origin: emergent',
      'Written by a reasoning model itself',
      '#bae6fd',
    ),
    traceLabel(
      'origin-synthetic',
      'Origin: synthetic',
      'Written to imitate a reasoning style',
      '#ddd6fe',
    ),
    traceLabel(
      'origin-synthetic-wrong',
      'Origin: synthetic, wrong',
      'Synthetic, leading to a wrong answer',
      '#fecaca',
    ),
    traceLabel('outcome-correct', 'Outcome: correct', 'The final answer is right', '#bbf7d0'),
    traceLabel('outcome-incorrect', 'Outcome: incorrect', 'The final answer is wrong', '#fed7aa'),
  ],
}

const thoughtAnchors: Taxonomy = {
  id: 'thought-anchors',
  name: 'Thought Anchors sentence functions',
  labels: spanLabels([
    ['problem_setup', 'Problem setup', 'Parsing or rephrasing the problem'],
    ['plan_generation', 'Plan generation', 'Stating or deciding on a plan of action'],
    [
      'fact_retrieval',
      'Fact retrieval',
      'Recalling facts, formulas or problem details without computing',
    ],
    ['active_computation', 'Active computation', 'Algebra, calculation or other manipulation'],
    [
      'result_consolidation',
      'Result consolidation',
      'Aggregating or summarising intermediate results',
      PIVOT_COLORS.integration,
    ],
    [
      'uncertainty_management',
      'Uncertainty management',
      'Expressing confusion, re-evaluating, backtracking',
      PIVOT_COLORS.realization,
    ],
    ['final_answer_emission', 'Final answer emission', 'Stating the final answer'],
    [
      'self_checking',
      'Self checking',
      'Verifying earlier steps or calculations',
      PIVOT_COLORS.verification,
    ],
    ['unknown', 'Unknown', 'None of the above', '#e7e5e4'],
  ]),
}

const cognitiveBehaviours: Taxonomy = {
  id: 'cognitive-behaviours',
  name: 'Cognitive behaviours',
  labels: spanLabels([
    ['verification', 'Verification', 'Checking intermediate results', PIVOT_COLORS.verification],
    ['backtracking', 'Backtracking', 'Abandoning an approach that fails and trying another'],
    ['subgoal-setting', 'Subgoal setting', 'Breaking the problem into smaller goals'],
    ['backward-chaining', 'Backward chaining', 'Working back from the desired result'],
  ]),
}

const reasoningEpisodes: Taxonomy = {
  id: 'reasoning-episodes',
  name: 'Reasoning episodes',
  labels: spanLabels([
    ['read', 'Read', 'Reading or restating the problem'],
    ['analyze', 'Analyze', 'Analysing the problem and its conditions'],
    ['plan', 'Plan', 'Planning the next steps'],
    ['implement', 'Implement', 'Carrying out the plan: computing, deriving'],
    ['explore', 'Explore', 'Trying an idea without a settled plan', PIVOT_COLORS.exploration],
    ['verify', 'Verify', 'Checking a result', PIVOT_COLORS.verification],
    ['monitor', 'Monitor', 'Reflecting on progress ("hmm", "wait")', PIVOT_COLORS.realization],
    ['answer', 'Answer', 'Stating the answer'],
  ]),
}

export const TAXONOMY_PRESETS: Taxonomy[] = [
  styleOverSubstance,
  thoughtAnchors,
  cognitiveBehaviours,
  reasoningEpisodes,
]

export const DEFAULT_TAXONOMY_ID = styleOverSubstance.id
