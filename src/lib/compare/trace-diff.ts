/**
 * The diff of two reasoning texts by step or by sentence (jsdiff's Myers diff over the units):
 * which units of the first trace the second shares, which it drops (removed) and which it adds.
 * Units are compared after collapsing white space and case, so a re-wrapped line still counts
 * as shared. Pure and synchronous: long traces run it in the diff worker.
 */
import { diffArrays } from 'diff'
import { segmentSentences, segmentSteps } from '../analysis/one-pass'
import type { Segment } from '../analysis/segment'

export type DiffUnit = 'step' | 'sentence'
export type DiffMark = 'shared' | 'removed' | 'added'

export interface MarkedRange {
  start: number
  end: number
  kind: DiffMark
}

export interface TraceDiff {
  unit: DiffUnit
  /** Units of the first text, each shared or removed, in text order. */
  a: MarkedRange[]
  /** Units of the second text, each shared or added, in text order. */
  b: MarkedRange[]
  counts: Record<DiffMark, number>
  /** Start offsets of shared units, first text then second, in order: the alignment. */
  aligned: [number, number][]
  /** Indices of shared units (step or sentence numbers from 0), first text then second. */
  alignedUnits: [number, number][]
  /** False when the diff gave up (edit distance over the limit): every unit is then unmatched. */
  complete: boolean
}

/** Past this many edits the two texts share next to nothing; the diff stops rather than grind. */
const MAX_EDIT_LENGTH = 20_000

export function unitsOf(text: string, unit: DiffUnit): Segment[] {
  return unit === 'step' ? segmentSteps(text) : segmentSentences(text)
}

export function unitKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase()
}

export function diffTraces(a: string, b: string, unit: DiffUnit): TraceDiff {
  const unitsA = unitsOf(a, unit)
  const unitsB = unitsOf(b, unit)
  // Interned keys: the diff then compares numbers, not strings.
  const ids = new Map<string, number>()
  const intern = (text: string, s: Segment) => {
    const key = unitKey(text.slice(s.start, s.end))
    let id = ids.get(key)
    if (id === undefined) ids.set(key, (id = ids.size))
    return id
  }
  const keysA = unitsA.map((s) => intern(a, s))
  const keysB = unitsB.map((s) => intern(b, s))
  const changes = diffArrays(keysA, keysB, { maxEditLength: MAX_EDIT_LENGTH })

  const out: TraceDiff = {
    unit,
    a: [],
    b: [],
    counts: { shared: 0, removed: 0, added: 0 },
    aligned: [],
    alignedUnits: [],
    complete: changes !== undefined,
  }
  if (changes === undefined) {
    out.a = unitsA.map((s) => ({ ...s, kind: 'removed' }))
    out.b = unitsB.map((s) => ({ ...s, kind: 'added' }))
    out.counts = { shared: 0, removed: unitsA.length, added: unitsB.length }
    return out
  }
  let i = 0
  let j = 0
  for (const change of changes) {
    for (let k = 0; k < change.count; k++) {
      if (change.added) {
        out.b.push({ ...unitsB[j++]!, kind: 'added' })
        out.counts.added++
      } else if (change.removed) {
        out.a.push({ ...unitsA[i++]!, kind: 'removed' })
        out.counts.removed++
      } else {
        const ua = unitsA[i++]!
        const ub = unitsB[j++]!
        out.a.push({ ...ua, kind: 'shared' })
        out.b.push({ ...ub, kind: 'shared' })
        out.aligned.push([ua.start, ub.start])
        out.alignedUnits.push([i - 1, j - 1])
        out.counts.shared++
      }
    }
  }
  return out
}
