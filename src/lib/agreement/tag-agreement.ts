/**
 * Agreement between annotators on trace tags (issue #8), pure. The unit is a trace that every
 * chosen annotator gave tags to: each has an entry in `tagsBy`, an empty one ("no tag") included;
 * tags stored with no annotator are not used. Per tag, each annotator's answer on a unit is
 * whether their entry has the tag, and kappa is Cohen's for two annotators, Fleiss' for three or
 * more. Overall pools every (unit, tag) pair into one binary rating task.
 * Kappa is undefined when nothing varies (every answer the same, so chance agreement is 1) or
 * when there is no unit; it is then null with the reason.
 */
import { entryOf } from '../traces/trace-tags'
import { cohenKappa, fleissKappa } from './agreement'

export interface TaggedTrace {
  id: string
  tagsBy?: Record<string, string[]>
}

export interface TagKappa {
  /** The tag, or null for the overall figure. */
  tag: string | null
  method: 'cohen' | 'fleiss'
  /** Units rated: traces for a tag, (trace, tag) pairs for the overall figure. */
  units: number
  kappa: number | null
  /** Why kappa is undefined, when it is. */
  reason?: string
  /** How many units each annotator answered "has the tag" (in the order of `annotators`). */
  positives: number[]
}

export interface TagAgreement {
  /** The traces that are units. */
  traces: number
  perTag: TagKappa[]
  overall: TagKappa
}

const YES = 'has the tag'
const NO = 'not'

function kappaOf(
  tag: string | null,
  ratings: readonly (readonly string[])[],
  raters: number,
): TagKappa {
  const method = raters === 2 ? 'cohen' : 'fleiss'
  const positives = Array.from({ length: raters }, (_, k) =>
    ratings.reduce((n, unit) => n + (unit[k] === YES ? 1 : 0), 0),
  )
  const base = { tag, method, units: ratings.length, positives } as const
  if (ratings.length === 0) {
    return { ...base, kappa: null, reason: 'no trace has tags from every one of them' }
  }
  const first = ratings[0]![0]
  if (ratings.every((unit) => unit.every((r) => r === first))) {
    const answer = first === YES ? 'has the tag' : 'does not have the tag'
    return {
      ...base,
      kappa: null,
      reason: `no variation: every annotator says every trace ${answer}`,
    }
  }
  const kappa =
    method === 'cohen'
      ? cohenKappa(ratings.map((u) => [u[0]!, u[1]!] as const))
      : fleissKappa(ratings)
  return { ...base, kappa }
}

/** Tag agreement of two or more annotators over the traces (see the module comment). */
export function tagAgreement(
  traces: readonly TaggedTrace[],
  annotators: readonly string[],
): TagAgreement {
  if (annotators.length < 2) throw new RangeError('agreement needs two or more annotators')
  const units = traces.flatMap((t) => {
    const entries = annotators.map((a) => entryOf(t.tagsBy, a))
    return entries.every((e) => e !== undefined) ? [entries.map((e) => new Set(e))] : []
  })
  const tags = [...new Set(units.flatMap((unit) => unit.flatMap((set) => [...set])))].sort()
  const ratingsOf = (tag: string) =>
    units.map((unit) => unit.map((set) => (set.has(tag) ? YES : NO)))
  const perTag = tags.map((tag) => kappaOf(tag, ratingsOf(tag), annotators.length))
  const pooled = tags.flatMap((tag) => ratingsOf(tag))
  const overall = kappaOf(null, pooled, annotators.length)
  if (units.length > 0 && tags.length === 0) {
    overall.reason = 'no variation: none of them gave any tag on these traces'
  }
  return { traces: units.length, perTag, overall }
}
