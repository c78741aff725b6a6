import { useState } from 'react'
import {
  addLabel,
  moveLabel,
  removeLabel,
  taxonomyProblems,
  updateLabel,
} from '../../../lib/annotate/taxonomy-edit'
import type { Taxonomy, TaxonomyLabel } from '../../../lib/traces/trace-model'

/**
 * Edits a copy of a taxonomy: its name, and its labels (name, description, colour, shortcut,
 * span or trace level) added, removed and reordered. Saved only when it keeps the rules
 * (unique names and keys, no key the annotate keyboard uses).
 */
export function TaxonomyEditor({
  initial,
  onSave,
  onCancel,
}: {
  initial: Taxonomy
  onSave: (taxonomy: Taxonomy) => Promise<boolean>
  onCancel: () => void
}) {
  const [draft, setDraft] = useState(initial)
  const [saving, setSaving] = useState(false)
  const problems = taxonomyProblems(draft)
  const change = (id: string, c: Partial<Omit<TaxonomyLabel, 'id'>>) =>
    setDraft((d) => updateLabel(d, id, c))
  return (
    <form
      className="panel taxonomy-editor"
      aria-label={`Edit taxonomy ${draft.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        if (problems.length > 0) return
        setSaving(true)
        void onSave(draft).then(() => setSaving(false))
      }}
    >
      <h2>Edit taxonomy</h2>
      <label>
        Name{' '}
        <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </label>
      <table className="label-editor">
        <thead>
          <tr>
            <th>Name</th>
            <th>Description (the guideline)</th>
            <th>Colour</th>
            <th>Key</th>
            <th>Level</th>
            <th>Order</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {draft.labels.map((l, i) => (
            <tr key={l.id} data-testid="label-row">
              <td>
                <input
                  aria-label={`Name of label ${i + 1}`}
                  value={l.name}
                  onChange={(e) => change(l.id, { name: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`Description of label ${i + 1}`}
                  value={l.description}
                  size={36}
                  onChange={(e) => change(l.id, { description: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="color"
                  aria-label={`Colour of label ${i + 1}`}
                  value={l.color}
                  onChange={(e) => change(l.id, { color: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`Key of label ${i + 1}`}
                  value={l.shortcut}
                  size={2}
                  maxLength={2}
                  onChange={(e) => change(l.id, { shortcut: e.target.value.trim() })}
                />
              </td>
              <td>
                <select
                  aria-label={`Level of label ${i + 1}`}
                  value={l.level}
                  onChange={(e) =>
                    change(l.id, { level: e.target.value === 'trace' ? 'trace' : 'span' })
                  }
                >
                  <option value="span">span</option>
                  <option value="trace">trace (tag)</option>
                </select>
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Move label ${i + 1} up`}
                  disabled={i === 0}
                  onClick={() => setDraft((d) => moveLabel(d, l.id, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move label ${i + 1} down`}
                  disabled={i === draft.labels.length - 1}
                  onClick={() => setDraft((d) => moveLabel(d, l.id, 1))}
                >
                  ↓
                </button>
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Remove label ${i + 1}`}
                  onClick={() => setDraft((d) => removeLabel(d, l.id))}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" onClick={() => setDraft((d) => addLabel(d, 'span'))}>
          Add span label
        </button>{' '}
        <button type="button" onClick={() => setDraft((d) => addLabel(d, 'trace'))}>
          Add trace label
        </button>
      </p>
      {problems.length > 0 && (
        <ul className="problems" role="alert" aria-label="Problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <p>
        <button type="submit" disabled={problems.length > 0 || saving}>
          Save taxonomy
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  )
}
