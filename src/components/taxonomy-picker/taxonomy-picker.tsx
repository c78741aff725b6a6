import { useId } from 'react'
import { chooseTaxonomy, useActiveTaxonomy, useTaxonomyList } from '../../data/taxonomy'

/**
 * The active taxonomy of a dataset, chosen from the stored ones (presets and the user's own).
 * Shown on the dataset's traces page and in the reader's label bar.
 */
export function TaxonomyPicker({ datasetId }: { datasetId: string | null }) {
  const id = useId()
  const active = useActiveTaxonomy(datasetId)
  const list = useTaxonomyList()
  return (
    <span className="taxonomy-picker">
      <label htmlFor={id}>Taxonomy</label>{' '}
      <select
        id={id}
        value={active.id}
        onChange={(e) => {
          const picked = list?.find((t) => t.id === e.target.value)
          // Back to the page's keys at once (a focused select takes single keys).
          e.currentTarget.blur()
          if (picked) void chooseTaxonomy(datasetId, picked)
        }}
      >
        {(list ?? [active]).map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>{' '}
      <a href="#/taxonomies" className="small">
        Edit taxonomies
      </a>
    </span>
  )
}
