/**
 * Correctness of a trace at import (DESIGN section 4, "Correct"): the source's own flag when it
 * has one; otherwise a multiple-choice judgement when the gold answer is an option; otherwise the
 * final answer against the gold one. Unknown (null) when undecidable.
 */
import { judgeCorrect } from '../analysis/answer'
import { judgeChoice } from '../analysis/choice-answer'

export interface Judged {
  problem: string
  reasoning: string
  answer: string
  gold: string
  correct: boolean | null
}

export function judgeTrace(n: Judged): boolean | null {
  if (n.correct !== null) return n.correct
  if (!n.gold) return null
  const choice =
    (n.answer ? judgeChoice(n.answer, n.gold, n.problem) : null) ??
    judgeChoice(n.reasoning, n.gold, n.problem)
  if (choice !== null) return choice
  return judgeCorrect(n.answer || n.reasoning, n.gold)
}
