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
  return openSuggestions(candidateSuggestions(analysis, lexicon, taxonomy), annotations)
}

/** Every suggestion of a reasoning text, decided or not, in reading order, indexed by start. */
export interface Candidates {
  list: Suggestion[]
  byStart: Map<number, Suggestion[]>
}

/** The suggestions the text's analysis offers (made again only when the analysis changes). */
export function candidateSuggestions(
  analysis: TextAnalysis,
  lexicon: Lexicon,
  taxonomy: Taxonomy,
): Candidates {
  const list: Suggestion[] = []
  const byCategory = new Map<string, { label: string; source: string } | null>()
  for (const c of lexicon.categories) {
    const label = labelFor(taxonomy, c)
    byCategory.set(c.id, label ? { label: label.id, source: c.name } : null)
  }
  for (const p of analysis.pivots) {
    const target = byCategory.get(p.categoryId)
    if (target) list.push({ start: p.start, end: p.end, ...target })
  }
  const backtrack = labelFor(taxonomy, null)
  if (backtrack) {
    for (const b of analysis.backtracks) {
      list.push({ start: b.start, end: b.end, label: backtrack.id, source: 'backtrack' })
    }
  }
  list.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : 1))
  const byStart = new Map<number, Suggestion[]>()
  for (const s of list) {
    const at = byStart.get(s.start)
    if (at) at.push(s)
    else byStart.set(s.start, [s])
  }
  return { list, byStart }
}

/**
 * The candidates not yet stored as a span of their label and range (accepted or rejected): one
 * lookup per stored span, no allocation per span (this runs at every change of a trace with
 * thousands of spans).
 */
export function openSuggestions(
  candidates: Candidates,
  annotations: readonly Annotation[],
): Suggestion[] {
  let decided: Set<Suggestion> | null = null
  for (const a of annotations) {
    if (a.field !== 'reasoning') continue
    const at = candidates.byStart.get(a.start)
    if (!at) continue
    for (const s of at) {
      if (s.end === a.end && s.label === a.label) (decided ??= new Set()).add(s)
    }
  }
  return decided ? candidates.list.filter((s) => !decided.has(s)) : candidates.list
}

/** The suggestion at `offset` (the first whose range holds it), if any. */
export function suggestionAt(list: readonly Suggestion[], offset: number): Suggestion | null {
  for (const s of list) {
    if (s.start > offset) break
    if (offset < s.end) return s
  }
  return null
}
