/**
 * Trace tags by annotator (issue #8): `Trace.tagsBy` holds each annotator's tags on a trace, and
 * `Trace.tags` stays their union, which filters, stats and exports read. Tags with no annotator
 * (stored before tags were attributed, or imported without one) live in `tags` only: they are
 * shown and exported, never used for agreement. An annotator's entry that is present but empty
 * means "looked at the trace and chose no tag", which agreement counts as an answer.
 */
import type { Trace } from './trace-model'

export type TagsBy = Record<string, string[]>

type Tagged = Pick<Trace, 'tags' | 'tagsBy'>

const sorted = (tags: Iterable<string>) => [...new Set(tags)].sort()

/** An annotator's own entry (own keys only: an annotator named "constructor" has none). */
export function entryOf(tagsBy: TagsBy | undefined, annotator: string): string[] | undefined {
  return tagsBy !== undefined && Object.hasOwn(tagsBy, annotator) ? tagsBy[annotator] : undefined
}

/** Whether any annotator's entry holds the tag. */
function attributed(tagsBy: TagsBy | undefined, tag: string): boolean {
  return Object.values(tagsBy ?? {}).some((list) => list.includes(tag))
}

/**
 * Whether the tag is on for this annotator: in their own entry, or a tag nobody is recorded
 * for (a legacy tag, which any annotator sees as set and may remove).
 */
export function hasTag(trace: Tagged, annotator: string, tag: string): boolean {
  if (entryOf(trace.tagsBy, annotator)?.includes(tag)) return true
  return trace.tags.includes(tag) && !attributed(trace.tagsBy, tag)
}

/**
 * The trace's tags after the annotator sets (`on`) or clears a tag: their entry is created if
 * needed and kept even when it becomes empty; the union loses the tag only when no other
 * annotator's entry holds it.
 */
export function withTag(
  trace: Tagged,
  annotator: string,
  tag: string,
  on: boolean,
): { tags: string[]; tagsBy: TagsBy } {
  const own = (
    Object.hasOwn(trace.tagsBy ?? {}, annotator) ? trace.tagsBy![annotator]! : []
  ).filter((t) => t !== tag)
  // Built from entries: an annotator named "__proto__" stays an own key.
  const tagsBy: TagsBy = Object.fromEntries([
    ...Object.entries(trace.tagsBy ?? {}).filter(([a]) => a !== annotator),
    [annotator, sorted(on ? [...own, tag] : own)],
  ])
  const tags = on
    ? sorted([...trace.tags, tag])
    : attributed(tagsBy, tag)
      ? sorted(trace.tags)
      : trace.tags.filter((t) => t !== tag)
  return { tags, tagsBy }
}

/** Two records of tags by annotator joined: each annotator's tags are the union of both. */
export function unionTagsBy(a: TagsBy | undefined, b: TagsBy | undefined): TagsBy | undefined {
  if (a === undefined && b === undefined) return undefined
  const out = new Map<string, string[]>()
  for (const source of [a ?? {}, b ?? {}]) {
    for (const [annotator, tags] of Object.entries(source)) {
      out.set(annotator, sorted([...(out.get(annotator) ?? []), ...tags]))
    }
  }
  return Object.fromEntries(out)
}

/**
 * A trace's tags with another copy's merged in (a re-import or a backup onto the trace): the
 * union of the tags and of each annotator's entry. `changed` tells whether anything was added.
 */
export function mergeTags(
  here: Tagged,
  other: Tagged,
): { tags: string[]; tagsBy: TagsBy | undefined; changed: boolean } {
  const tags = sorted([...here.tags, ...other.tags])
  const tagsBy = unionTagsBy(here.tagsBy, other.tagsBy)
  const changed =
    tags.length !== new Set(here.tags).size ||
    JSON.stringify(tagsBy) !== JSON.stringify(normalised(here.tagsBy))
  return { tags, tagsBy, changed }
}

function normalised(tagsBy: TagsBy | undefined): TagsBy | undefined {
  return tagsBy === undefined ? undefined : unionTagsBy(tagsBy, undefined)
}
