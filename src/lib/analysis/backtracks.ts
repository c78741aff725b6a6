/**
 * Backtracking spans. No standard definition exists, so Tracemark uses this one:
 *
 *   A backtrack starts at a backtracking marker ("but wait", "wait", "actually",
 *   "on second thought", "let me reconsider", "scratch that", "never mind", "going back",
 *   "that's not right", "I made a mistake", "let me try again", "start over"), matched like
 *   a lexicon phrase: case-insensitive, at word boundaries, the longest marker at a position
 *   ("but wait" rather than "wait"). It runs to the end of its step (paragraph) or to the start
 *   of the next pivot that begins after the marker itself, whichever comes first (trailing
 *   white space left out). A marker inside the previous backtrack belongs to it and does not
 *   start a new one, so backtracks never overlap. The step before the one holding the marker is the *abandoned branch*
 *   (none when the marker is in the first step).
 */
import { isWhitespaceCode } from './char-classes'
import type { PivotMatch } from './match-pivots'
import type { Segment } from './segment'

export const BACKTRACK_MARKERS: readonly string[] = [
  'but wait',
  'wait',
  'actually',
  'on second thought',
  'let me reconsider',
  'scratch that',
  'never mind',
  'going back',
  "that's not right",
  'I made a mistake',
  'let me try again',
  'start over',
]

export interface Backtrack {
  start: number
  end: number
  /** The marker as listed in BACKTRACK_MARKERS. */
  marker: string
  /** The step before the marker's step: the branch the trace turns away from. */
  abandoned: Segment | null
}

/**
 * The backtracks from the markers found in `text` (matched as a lexicon of BACKTRACK_MARKERS);
 * `markers`, `steps` and `pivots` sorted by start, as one-pass.ts finds them.
 */
export function joinBacktracks(
  text: string,
  markers: readonly PivotMatch[],
  steps: readonly Segment[],
  pivots: readonly PivotMatch[],
): Backtrack[] {
  const backtracks: Backtrack[] = []
  let stepIndex = 0
  let pivotIndex = 0
  let coveredUntil = 0
  for (const marker of markers) {
    if (marker.start < coveredUntil) continue
    while (stepIndex < steps.length && (steps[stepIndex]?.end ?? 0) <= marker.start) stepIndex++
    const step = steps[stepIndex]
    if (step === undefined || step.start > marker.start) continue
    while (pivotIndex < pivots.length && (pivots[pivotIndex]?.start ?? 0) < marker.end) pivotIndex++
    const nextPivot = pivots[pivotIndex]?.start ?? Infinity
    let end = Math.max(marker.end, Math.min(step.end, nextPivot))
    while (end > marker.end && isWhitespaceCode(text.charCodeAt(end - 1))) end--
    backtracks.push({
      start: marker.start,
      end,
      marker: marker.phrase,
      abandoned: steps[stepIndex - 1] ?? null,
    })
    coveredUntil = end
  }
  return backtracks
}
