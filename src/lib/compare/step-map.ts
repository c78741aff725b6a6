/**
 * Where a place in one trace's steps falls in another's, by the step alignment of their diff
 * (`TraceDiff.alignedUnits` of a diff by step): a matched step maps to its match; an unmatched
 * step counts steps on from the last matched pair before it (from step 1 when there is none),
 * kept short of the next matched pair, so scrolling one pane never moves another backwards.
 * With no alignment at all this is plain step number. Pure: the compare view's aligned-step
 * scrolling asks it on every scroll of the leading pane.
 */

/** A place in a trace: which step (from 0) is at the top, and how far into it (0..1). */
export interface StepPlace {
  index: number
  fraction: number
}

/** Matched step indices, [from, to], increasing in both (as a diff's alignment is). */
export type StepPairs = readonly (readonly [number, number])[]

/** The pairs seen from the other trace: [to, from] becomes [from, to]. */
export function flipPairs(pairs: StepPairs): [number, number][] {
  return pairs.map(([a, b]) => [b, a])
}

export function mapStepPlace(place: StepPlace, pairs: StepPairs, targetSteps: number): StepPlace {
  if (targetSteps <= 0) return { index: 0, fraction: 0 }
  const { index, fraction } = place
  // The first pair whose `from` is at or past this step.
  let lo = 0
  let hi = pairs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (pairs[mid]![0] < index) lo = mid + 1
    else hi = mid
  }
  const next = pairs[lo]
  if (next && next[0] === index) return clampPlace({ index: next[1], fraction }, targetSteps)
  const before = lo > 0 ? pairs[lo - 1]! : null
  // Step numbers counted on from the last match (or from the start).
  const first = before ? before[1] + 1 : 0
  const counted = before ? before[1] + (index - before[0]) : index
  if (next) {
    // Unmatched steps between two matches stay between them; none there: the next match's top.
    if (next[1] <= first) return clampPlace({ index: next[1], fraction: 0 }, targetSteps)
    if (counted >= next[1]) return clampPlace({ index: next[1] - 1, fraction: 1 }, targetSteps)
  }
  return clampPlace({ index: counted, fraction }, targetSteps)
}

/** Past the last step: the end of the last step. */
function clampPlace(place: StepPlace, steps: number): StepPlace {
  return place.index >= steps ? { index: steps - 1, fraction: 1 } : place
}
