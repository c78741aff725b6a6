/**
 * Suggested spans (DESIGN section 5, Annotate): the active lexicon's pivots and the backtracks
 * of a reasoning text, offered as spans of the active taxonomy. A pivot category maps to the
 * span label of the same id or name (Style over Substance: realization → Realization); the
 * backtracks map to a label named backtrack or backtracking. Categories with no such label are
 * not offered. A suggestion already stored as a span of that label and range, accepted or
 * rejected (`rejected: true`), is not offered again.
 */
import type { TextAnalysis } from '../analysis/metrics'
import type { Annotation, Lexicon, Taxonomy, TaxonomyLabel } from '../traces/trace-model'

export interface Suggestion {
  start: number
  end: number
  /** The taxonomy label it would become: also its category for accept or reject all. */
  label: string
  /** What found it: a pivot category's name, or "backtrack". */
  source: string
}

const BACKTRACK_NAMES = ['backtrack', 'backtracking']

const norm = (s: string) => s.trim().toLowerCase()

/** The span label a lexicon category (or the backtracks, `null`) is suggested as, if any. */
export function labelFor(
  taxonomy: Taxonomy,
  category: { id: string; name: string } | null,
): TaxonomyLabel | undefined {
  const spanLabels = taxonomy.labels.filter((l) => l.level === 'span')
  if (category === null) {
    return spanLabels.find(
      (l) => BACKTRACK_NAMES.includes(norm(l.id)) || BACKTRACK_NAMES.includes(norm(l.name)),
    )
  }
  return (
    spanLabels.find((l) => l.id === category.id) ??
    spanLabels.find((l) => norm(l.name) === norm(category.name))
  )
}

/** The suggestions of a reasoning text still to decide on, in reading order. */
export function suggestionsFor(
  analysis: TextAnalysis,
  lexicon: Lexicon,
  taxonomy: Taxonomy,
  annotations: readonly Annotation[],
): Suggestion[] {
  // Stored spans by start (numbers, not a string per span: this runs at every change of a
  // trace with thousands of spans).
  const decided = new Map<number, Annotation[]>()
  for (const a of annotations) {
    if (a.field !== 'reasoning') continue
    const at = decided.get(a.start)
    if (at) at.push(a)
    else decided.set(a.start, [a])
  }
  const isDecided = (s: Suggestion) =>
    decided.get(s.start)?.some((a) => a.end === s.end && a.label === s.label) === true
  const out: Suggestion[] = []
  const byCategory = new Map<string, { label: string; source: string } | null>()
  for (const c of lexicon.categories) {
    const label = labelFor(taxonomy, c)
    byCategory.set(c.id, label ? { label: label.id, source: c.name } : null)
  }
  for (const p of analysis.pivots) {
    const target = byCategory.get(p.categoryId)
    if (!target) continue
    const s = { start: p.start, end: p.end, ...target }
    if (!isDecided(s)) out.push(s)
  }
  const backtrack = labelFor(taxonomy, null)
  if (backtrack) {
    for (const b of analysis.backtracks) {
      const s = { start: b.start, end: b.end, label: backtrack.id, source: 'backtrack' }
      if (!isDecided(s)) out.push(s)
    }
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : 1))
  return out
}

/** The suggestion at `offset` (the first whose range holds it), if any. */
export function suggestionAt(list: readonly Suggestion[], offset: number): Suggestion | null {
  for (const s of list) {
    if (s.start > offset) break
    if (offset < s.end) return s
  }
  return null
}
