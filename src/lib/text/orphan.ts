/**
 * The one orphan rule (STYLE.md, "Text and offsets"): a span is anchored by its offsets and the
 * quote it had when made. When `text.slice(start, end)` is no longer the quote, the span is
 * orphaned: the reader lists it (never draws or drops it) and the export refuses it.
 */
export interface Anchored {
  start: number
  end: number
  quote: string
}

/** Why `text[start:end]` is not `quote`, or null when it is. */
export function quoteMismatch(
  text: string,
  start: number,
  end: number,
  quote: string,
): string | null {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    return `offsets ${start}..${end} are not a valid range`
  }
  if (end > text.length) return `end ${end} is past the end of the text (${text.length})`
  const found = text.slice(start, end)
  if (found === quote) return null
  return `text at ${start}..${end} is ${JSON.stringify(clip(found))}, not the quote ${JSON.stringify(clip(quote))}`
}

export function isOrphaned(span: Anchored, text: string): boolean {
  return quoteMismatch(text, span.start, span.end, span.quote) !== null
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/**
 * A trace's spans parted by the orphan rule: those still anchored in their field's text, and
 * the orphaned ones (kept in their own list with their old text, never drawn or dropped).
 * Rejected suggestions stay with the anchored ones; `listed` are the anchored ones without
 * them (the span list), in the same pass.
 */
export function partOrphans<T extends Anchored & { field: string; rejected?: boolean }>(
  spans: readonly T[],
  textOf: (field: T['field']) => string,
): { anchored: T[]; listed: T[]; orphaned: T[] } {
  const anchored: T[] = []
  const listed: T[] = []
  const orphaned: T[] = []
  for (const span of spans) {
    if (span.rejected) anchored.push(span)
    else if (isOrphaned(span, textOf(span.field))) orphaned.push(span)
    else {
      anchored.push(span)
      listed.push(span)
    }
  }
  return { anchored, listed, orphaned }
}
