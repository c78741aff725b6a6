/**
 * Taxonomies (DESIGN section 2, `taxonomies`): the four presets are stored rows, seeded when the
 * database is made or upgraded to v3 (idempotent: only missing presets are added), never
 * changed; the user edits copies. The active taxonomy is chosen per dataset (a pref per dataset),
 * falling back to the global pref and then to the default preset.
 */
import { isPresetTaxonomy } from '../lib/annotate/taxonomy-edit'
import { DEFAULT_TAXONOMY_ID, TAXONOMY_PRESETS } from '../lib/analysis/taxonomy-presets'
import type { Taxonomy } from '../lib/traces/trace-model'
import type { TracemarkDB } from './database'
import { getPref, PREF_KEYS, setPref } from './prefs'

/** Adds the presets that are not stored yet; returns how many were added. */
export async function seedTaxonomyPresets(table: {
  bulkGet(keys: string[]): Promise<(Taxonomy | undefined)[]>
  bulkAdd(rows: Taxonomy[]): Promise<unknown>
}): Promise<number> {
  const stored = await table.bulkGet(TAXONOMY_PRESETS.map((t) => t.id))
  const missing = TAXONOMY_PRESETS.filter((_, i) => stored[i] === undefined)
  if (missing.length > 0) await table.bulkAdd(structuredClone(missing))
  return missing.length
}

/** Presets first, in their shipped order, then the user's taxonomies by name. */
export async function listTaxonomies(db: TracemarkDB): Promise<Taxonomy[]> {
  const rows = await db.taxonomies.toArray()
  const presets = TAXONOMY_PRESETS.map((p) => rows.find((r) => r.id === p.id) ?? p)
  const own = rows.filter((r) => !isPresetTaxonomy(r.id))
  own.sort((a, b) => a.name.localeCompare(b.name))
  return [...presets, ...own]
}

export async function getTaxonomy(db: TracemarkDB, id: string): Promise<Taxonomy | undefined> {
  return (await db.taxonomies.get(id)) ?? TAXONOMY_PRESETS.find((p) => p.id === id)
}

/** The pref key of a dataset's active taxonomy. */
export function datasetTaxonomyKey(datasetId: string): string {
  return `${PREF_KEYS.activeTaxonomy}:${datasetId}`
}

/** The dataset's active taxonomy: its own choice, else the global one, else the default. */
export async function getActiveTaxonomy(
  db: TracemarkDB,
  datasetId: string | null,
): Promise<Taxonomy> {
  const own =
    datasetId === null
      ? null
      : await getPref<string | null>(db, datasetTaxonomyKey(datasetId), null)
  const global = await getPref<string | null>(db, PREF_KEYS.activeTaxonomy, null)
  for (const id of [own, global, DEFAULT_TAXONOMY_ID]) {
    const found = id === null ? undefined : await getTaxonomy(db, id)
    if (found) return found
  }
  return TAXONOMY_PRESETS[0]!
}

/** Makes `taxonomyId` the dataset's active taxonomy (null datasetId: the global default). */
export async function setActiveTaxonomy(
  db: TracemarkDB,
  datasetId: string | null,
  taxonomyId: string,
): Promise<void> {
  if ((await getTaxonomy(db, taxonomyId)) === undefined) {
    throw new Error(`no taxonomy with id ${taxonomyId}`)
  }
  await setPref(
    db,
    datasetId === null ? PREF_KEYS.activeTaxonomy : datasetTaxonomyKey(datasetId),
    taxonomyId,
  )
}

/** Stores a user taxonomy (new or edited). Presets cannot be overwritten: edit a copy. */
export async function saveTaxonomy(db: TracemarkDB, taxonomy: Taxonomy): Promise<void> {
  if (isPresetTaxonomy(taxonomy.id)) throw new Error(`${taxonomy.name} is a preset: edit a copy`)
  await db.taxonomies.put(taxonomy)
}

/** Deletes a user taxonomy; datasets that used it fall back to the default. */
export async function deleteTaxonomy(db: TracemarkDB, id: string): Promise<void> {
  if (isPresetTaxonomy(id)) throw new Error(`${id} is a preset and cannot be deleted`)
  await db.taxonomies.delete(id)
}
