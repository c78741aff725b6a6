/**
 * Text search in trace texts: a literal, case-insensitive match. Shared by the search worker
 * (which trace matches) and the reader (where the hits are), so a trace the table lists always
 * shows its hits. The `i` flag folds case without changing lengths, so match offsets are offsets
 * into the stored text.
 */

export const MIN_QUERY_LENGTH = 2

/** A global regex for `query`, or null when the query is too short to search. */
export function compileQuery(query: string): RegExp | null {
  const q = query.trim()
  if (q.length < MIN_QUERY_LENGTH) return null
  return new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu')
}

export function textMatches(text: string, re: RegExp): boolean {
  re.lastIndex = 0
  return re.test(text)
}

/** Offsets of the matches of `re` in `text`, at most `limit`. */
export function findMatches(
  text: string,
  re: RegExp,
  limit = Number.POSITIVE_INFINITY,
): { start: number; end: number }[] {
  const hits: { start: number; end: number }[] = []
  re.lastIndex = 0
  for (let m = re.exec(text); m && hits.length < limit; m = re.exec(text)) {
    hits.push({ start: m.index, end: m.index + m[0].length })
  }
  return hits
}
