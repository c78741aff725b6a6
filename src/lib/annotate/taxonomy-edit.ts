/**
 * Editing taxonomies as plain data (the taxonomy editor): copies of presets, labels added,
 * removed, moved and changed, and the rules a taxonomy must keep before it is saved. Every
 * function returns a new taxonomy and never changes its argument.
 */
import { TAXONOMY_PRESETS } from '../analysis/taxonomy-presets'
import type { Taxonomy, TaxonomyLabel } from '../traces/trace-model'
import { slugId } from '../text/slug-id'

/** Keys the annotate screen takes for itself: a label's shortcut must not be one of them. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  ...'jkJKlhLH][}{.,sS',
  ...'diotmuaxAXzZrecnpvV?',
  ' ',
])

/** Light colours for new labels, in turn. */
export const LABEL_PALETTE = ['#fbcfe8', '#c7d2fe', '#fef08a', '#99f6e4', '#d9f99d', '#fed7aa']

export function isPresetTaxonomy(id: string): boolean {
  return TAXONOMY_PRESETS.some((preset) => preset.id === id)
}

/** An id from a name: lower case, words joined by `-`, not one of `taken`. */
export function labelIdFor(name: string, taken: readonly string[]): string {
  return slugId(name, taken, 'label')
}

/** An editable copy: same labels (their ids too, so spans keep meaning the same thing). */
export function copyTaxonomy(source: Taxonomy, id: string, name = `${source.name} (copy)`) {
  return { id, name, labels: source.labels.map((l) => ({ ...l })) }
}

/** A new label at the end: a unique id and name, the next free digit as shortcut. */
export function addLabel(taxonomy: Taxonomy, level: TaxonomyLabel['level'] = 'span'): Taxonomy {
  const names = taxonomy.labels.map((l) => l.name.toLowerCase())
  let name = 'New label'
  for (let n = 2; names.includes(name.toLowerCase()); n++) name = `New label ${n}`
  const used = new Set(taxonomy.labels.map((l) => l.shortcut))
  const shortcut = level === 'span' ? ([...'1234567890'].find((k) => !used.has(k)) ?? '') : ''
  const label: TaxonomyLabel = {
    id: labelIdFor(
      name,
      taxonomy.labels.map((l) => l.id),
    ),
    name,
    description: '',
    color: LABEL_PALETTE[taxonomy.labels.length % LABEL_PALETTE.length]!,
    shortcut,
    level,
  }
  return { ...taxonomy, labels: [...taxonomy.labels, label] }
}

export function removeLabel(taxonomy: Taxonomy, labelId: string): Taxonomy {
  return { ...taxonomy, labels: taxonomy.labels.filter((l) => l.id !== labelId) }
}

/** Moves a label one place up (-1) or down (1); nothing at either end. */
export function moveLabel(taxonomy: Taxonomy, labelId: string, by: -1 | 1): Taxonomy {
  const i = taxonomy.labels.findIndex((l) => l.id === labelId)
  const j = i + by
  if (i < 0 || j < 0 || j >= taxonomy.labels.length) return taxonomy
  const labels = taxonomy.labels.slice()
  ;[labels[i], labels[j]] = [labels[j]!, labels[i]!]
  return { ...taxonomy, labels }
}

export function updateLabel(
  taxonomy: Taxonomy,
  labelId: string,
  change: Partial<Omit<TaxonomyLabel, 'id'>>,
): Taxonomy {
  return {
    ...taxonomy,
    labels: taxonomy.labels.map((l) => (l.id === labelId ? { ...l, ...change } : l)),
  }
}

/** What is wrong with a taxonomy, in words; empty when it can be saved. */
export function taxonomyProblems(taxonomy: Taxonomy): string[] {
  const problems: string[] = []
  if (!taxonomy.name.trim()) problems.push('The taxonomy needs a name.')
  if (taxonomy.labels.length === 0) problems.push('The taxonomy needs at least one label.')
  const names = new Map<string, number>()
  const keys = new Map<string, string>()
  for (const label of taxonomy.labels) {
    const name = label.name.trim()
    if (!name) problems.push('Every label needs a name.')
    const lower = name.toLowerCase()
    names.set(lower, (names.get(lower) ?? 0) + 1)
    if (names.get(lower) === 2) problems.push(`Two labels are named “${name}”.`)
    const key = label.shortcut
    if (key === '') continue
    if ([...key].length !== 1) {
      problems.push(`The shortcut of “${name}” must be one key.`)
    } else if (RESERVED_KEYS.has(key)) {
      problems.push(`The shortcut ${key} of “${name}” is taken by the annotate keyboard.`)
    } else if (keys.has(key)) {
      problems.push(`“${keys.get(key)}” and “${name}” have the same shortcut ${key}.`)
    } else keys.set(key, name)
  }
  for (const label of taxonomy.labels) {
    if (!/^#[0-9a-f]{6}$/i.test(label.color)) {
      problems.push(`The colour of “${label.name}” must be written #rrggbb.`)
    }
  }
  return problems
}
