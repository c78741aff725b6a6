import { memo } from 'react'
import { TaxonomyPicker } from '../../../components/taxonomy-picker/taxonomy-picker'
import type { Taxonomy } from '../../../lib/traces/trace-model'

/**
 * The span labels of the active taxonomy with their keys and guidelines (each label's
 * description, shown under its name and on hover), and the picker of the dataset's taxonomy.
 */
export const LabelBar = memo(function LabelBar({
  taxonomy,
  datasetId,
}: {
  taxonomy: Taxonomy
  /** The dataset whose taxonomy the picker sets; absent: no picker (compare). */
  datasetId?: string
}) {
  const labels = taxonomy.labels.filter((l) => l.level === 'span')
  return (
    <section className="panel label-bar" aria-labelledby="labels-heading">
      <h2 id="labels-heading">Labels · {taxonomy.name}</h2>
      {datasetId !== undefined && <TaxonomyPicker datasetId={datasetId} />}
      <p className="muted small">
        Move the cursor (j/k sentence, l/h step, ]/[ pivot) or select text, then press a
        label&apos;s key. <kbd>?</kbd> lists every key.
      </p>
      <ul className="label-list" aria-label="Span labels">
        {labels.map((l) => (
          <li key={l.id} title={l.description} data-testid="label-bar-item">
            {l.shortcut ? <kbd>{l.shortcut}</kbd> : <span className="no-key" />}
            <span className="label-chip" style={{ background: l.color }}>
              {l.name}
            </span>
            {l.description && <span className="label-description small">{l.description}</span>}
          </li>
        ))}
      </ul>
    </section>
  )
})
