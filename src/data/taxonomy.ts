import { DEFAULT_TAXONOMY_ID, TAXONOMY_PRESETS } from '../lib/analysis/taxonomy-presets'
import type { Taxonomy } from '../lib/traces/trace-model'

/** The active taxonomy; the default preset until taxonomy choice lands (prefs.activeTaxonomy). */
export function useActiveTaxonomy(): Taxonomy {
  return TAXONOMY_PRESETS.find((t) => t.id === DEFAULT_TAXONOMY_ID) ?? TAXONOMY_PRESETS[0]!
}
