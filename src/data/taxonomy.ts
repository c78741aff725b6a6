/**
 * Taxonomies: the active one of a dataset (live), the list, and the writes of the taxonomy
 * editor and the pickers (dataset page, reader).
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../db/instance'
import {
  deleteTaxonomy,
  getActiveTaxonomy,
  listTaxonomies,
  saveTaxonomy as storeTaxonomy,
  setActiveTaxonomy,
} from '../db/taxonomies'
import { DEFAULT_TAXONOMY_ID, TAXONOMY_PRESETS } from '../lib/analysis/taxonomy-presets'
import { copyTaxonomy } from '../lib/annotate/taxonomy-edit'
import { newId } from '../lib/traces/ids'
import type { Taxonomy } from '../lib/traces/trace-model'
import { runWrite } from './write'

const DEFAULT = TAXONOMY_PRESETS.find((t) => t.id === DEFAULT_TAXONOMY_ID) ?? TAXONOMY_PRESETS[0]!

/**
 * The active taxonomy of a dataset (its own choice, else the global one, else the default),
 * live; the default preset while it is read. No dataset: the global choice.
 */
export function useActiveTaxonomy(datasetId: string | null = null): Taxonomy {
  return useLiveQuery(() => getActiveTaxonomy(db, datasetId), [datasetId]) ?? DEFAULT
}

/** Presets first, then the user's taxonomies by name. */
export function useTaxonomyList(): Taxonomy[] | undefined {
  return useLiveQuery(() => listTaxonomies(db), [])
}

/** Makes `taxonomy` the active one of a dataset (null: the default for every dataset). */
export async function chooseTaxonomy(
  datasetId: string | null,
  taxonomy: Taxonomy,
): Promise<boolean> {
  const done = await runWrite(`use the taxonomy ${taxonomy.name}`, () =>
    setActiveTaxonomy(db, datasetId, taxonomy.id).then(() => true),
  )
  return done === true
}

/** Stores a user taxonomy (new or edited); false when that failed (the user is told). */
export async function saveTaxonomy(taxonomy: Taxonomy): Promise<boolean> {
  const done = await runWrite(`save the taxonomy ${taxonomy.name}`, () =>
    storeTaxonomy(db, taxonomy).then(() => true),
  )
  return done === true
}

/** Stores an editable copy of `source`; resolves with it, or undefined when that failed. */
export function duplicateTaxonomy(source: Taxonomy): Promise<Taxonomy | undefined> {
  const copy = copyTaxonomy(source, newId())
  return runWrite(`copy the taxonomy ${source.name}`, () =>
    storeTaxonomy(db, copy).then(() => copy),
  )
}

export async function removeTaxonomy(taxonomy: Taxonomy): Promise<boolean> {
  const done = await runWrite(`delete the taxonomy ${taxonomy.name}`, () =>
    deleteTaxonomy(db, taxonomy.id).then(() => true),
  )
  return done === true
}
