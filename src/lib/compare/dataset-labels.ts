/**
 * How a dataset is told apart at a glance wherever several are shown together: a short name
 * (what the names of the datasets shown do not share) and a colour that stays the same for a
 * dataset across views and reloads (its place among all datasets by import time).
 */

import { datasetColour, DATASET_PALETTE } from '../stats/dataset-colours'

export { DATASET_PALETTE }

/** A colour per dataset id: the palette in import order, so it never depends on what is shown. */
export const datasetColours = datasetColour

const SEPARATOR = /[\s_\-./:]/
const MAX_SHORT = 28

/**
 * Short names for names shown together: the prefix and suffix they all share are cut at a
 * separator (`skythought_sky-t1-math-correct-5k-14b_aime24` next to
 * `skythought_qwen2.5-14b-instruct_aime24` gives `sky-t1-math-correct-5k-14b` and
 * `qwen2.5-14b-instruct`), then anything over 28 characters is cut with an ellipsis. A name
 * alone, or names that would become empty or equal, keep their full text.
 */
export function shortNames(names: readonly string[]): string[] {
  const distinct = [...new Set(names)]
  if (distinct.length < 2) return names.map(clip)
  const prefix = sharedCut(distinct, false)
  const suffix = sharedCut(
    distinct.map((n) => n.slice(prefix)),
    true,
  )
  const cut = names.map((n) => n.slice(prefix, n.length - suffix))
  if (cut.some((c) => c.length === 0) || new Set(cut).size !== distinct.length) {
    return names.map(clip)
  }
  return cut.map(clip)
}

/** Length of the prefix (or suffix) all names share, ending at a separator. */
function sharedCut(names: readonly string[], fromEnd: boolean): number {
  const read = (n: string, i: number) => (fromEnd ? n[n.length - 1 - i] : n[i])
  const shortest = Math.min(...names.map((n) => n.length))
  let common = 0
  while (common < shortest && names.every((n) => read(n, common) === read(names[0]!, common))) {
    common++
  }
  // back up to the last separator inside the shared part, so words are never split
  while (common > 0 && !SEPARATOR.test(read(names[0]!, common - 1) ?? '')) common--
  return common
}

function clip(name: string): string {
  return name.length <= MAX_SHORT ? name : `${name.slice(0, MAX_SHORT - 1)}…`
}
