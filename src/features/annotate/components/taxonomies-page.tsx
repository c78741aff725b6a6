import { useState } from 'react'
import { TaxonomyPicker } from '../../../components/taxonomy-picker/taxonomy-picker'
import {
  duplicateTaxonomy,
  removeTaxonomy,
  saveTaxonomy,
  useTaxonomyList,
} from '../../../data/taxonomy'
import { isPresetTaxonomy } from '../../../lib/annotate/taxonomy-edit'
import type { Taxonomy } from '../../../lib/traces/trace-model'
import { TaxonomyEditor } from './taxonomy-editor'
import './annotate.css'

/**
 * `#/taxonomies`: the stored taxonomies (the four presets, read only, and the user's copies),
 * copy, edit, delete; and the default taxonomy of datasets that have not chosen their own.
 */
export function TaxonomiesPage() {
  const list = useTaxonomyList()
  const [editing, setEditing] = useState<Taxonomy | null>(null)
  return (
    <section className="page taxonomies-page">
      <h1>Taxonomies</h1>
      <p className="muted">
        A taxonomy is the set of labels you annotate with: span labels (with a key each) and trace
        labels (tags). Presets are read only: copy one to edit it. Each dataset uses its own active
        taxonomy (chosen on its traces page or in the reader); the default below is for datasets
        that have not chosen.
      </p>
      <p>
        Default for every dataset: <TaxonomyPicker datasetId={null} />
      </p>
      <table className="taxonomy-list">
        <thead>
          <tr>
            <th>Name</th>
            <th>Span labels</th>
            <th>Trace labels</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {list?.map((t) => {
            const preset = isPresetTaxonomy(t.id)
            return (
              <tr key={t.id} data-testid="taxonomy-row">
                <td>
                  {t.name} {preset && <span className="muted small">(preset)</span>}
                </td>
                <td>
                  {t.labels
                    .filter((l) => l.level === 'span')
                    .map((l) => l.name)
                    .join(', ')}
                </td>
                <td>
                  {t.labels
                    .filter((l) => l.level === 'trace')
                    .map((l) => l.name)
                    .join(', ')}
                </td>
                <td className="actions">
                  <button
                    type="button"
                    aria-label={`Copy ${t.name}`}
                    onClick={() =>
                      void duplicateTaxonomy(t).then((copy) => copy && setEditing(copy))
                    }
                  >
                    Copy
                  </button>
                  {!preset && (
                    <>
                      <button
                        type="button"
                        aria-label={`Edit ${t.name}`}
                        onClick={() => setEditing(t)}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        aria-label={`Delete ${t.name}`}
                        onClick={() => {
                          if (
                            window.confirm(
                              `Delete the taxonomy ${t.name}? Spans keep their labels.`,
                            )
                          )
                            void removeTaxonomy(t).then(
                              () => editing?.id === t.id && setEditing(null),
                            )
                        }}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {editing && (
        <TaxonomyEditor
          key={editing.id}
          initial={editing}
          onSave={async (t) => {
            const ok = await saveTaxonomy(t)
            if (ok) setEditing(null)
            return ok
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  )
}
