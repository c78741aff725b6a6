import { useState } from 'react'
import {
  addCategory,
  addPhrase,
  removeCategory,
  removePhrase,
  renameCategory,
  setCategoryColor,
} from '../../../lib/analysis/lexicon-edit'
import type { Lexicon, LexiconCategory } from '../../../lib/traces/trace-model'
import { SafeText } from '../../../components/safe-text/safe-text'
import './lexicons.css'

/** Edits a draft of a user lexicon; nothing is stored until Save. */
export function LexiconEditor({
  lexicon,
  onSave,
  onClose,
}: {
  lexicon: Lexicon
  onSave: (lexicon: Lexicon) => Promise<void>
  onClose: () => void
}) {
  const [draft, setDraft] = useState(lexicon)
  const [newCategory, setNewCategory] = useState('')
  const changed = JSON.stringify(draft) !== JSON.stringify(lexicon)
  return (
    <section className="panel lexicon-editor" aria-labelledby="lexicon-editor-heading">
      <h2 id="lexicon-editor-heading">
        Edit <SafeText text={lexicon.name} />
      </h2>
      <label className="field">
        Name{' '}
        <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </label>
      {draft.categories.map((category) => (
        <CategoryEditor key={category.id} category={category} lexicon={draft} onChange={setDraft} />
      ))}
      <form
        className="add-row"
        onSubmit={(e) => {
          e.preventDefault()
          if (newCategory.trim() === '') return
          setDraft(addCategory(draft, newCategory))
          setNewCategory('')
        }}
      >
        <label>
          New category{' '}
          <input value={newCategory} onChange={(e) => setNewCategory(e.target.value)} />
        </label>
        <button type="submit">Add category</button>
      </form>
      <p>
        <button
          type="button"
          className="primary"
          disabled={!changed || draft.name.trim() === ''}
          onClick={() => void onSave(draft)}
        >
          Save lexicon
        </button>{' '}
        <button type="button" onClick={onClose}>
          {changed ? 'Discard changes' : 'Close'}
        </button>
      </p>
    </section>
  )
}

function CategoryEditor({
  category,
  lexicon,
  onChange,
}: {
  category: LexiconCategory
  lexicon: Lexicon
  onChange: (lexicon: Lexicon) => void
}) {
  const [phrase, setPhrase] = useState('')
  return (
    <fieldset className="category-editor" data-testid={`category-${category.id}`}>
      <legend>
        <input
          aria-label={`Name of category ${category.id}`}
          value={category.name}
          onChange={(e) => onChange(renameCategory(lexicon, category.id, e.target.value))}
        />{' '}
        <input
          type="color"
          aria-label={`Colour of ${category.name}`}
          value={category.color}
          onChange={(e) => onChange(setCategoryColor(lexicon, category.id, e.target.value))}
        />{' '}
        <button type="button" onClick={() => onChange(removeCategory(lexicon, category.id))}>
          Remove category {category.name}
        </button>
      </legend>
      <ul className="phrase-list">
        {category.phrases.map((p) => (
          <li key={p}>
            {p}{' '}
            <button
              type="button"
              className="link"
              aria-label={`Remove phrase ${p}`}
              onClick={() => onChange(removePhrase(lexicon, category.id, p))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="add-row"
        onSubmit={(e) => {
          e.preventDefault()
          onChange(addPhrase(lexicon, category.id, phrase))
          setPhrase('')
        }}
      >
        <label>
          Add phrase to {category.name}{' '}
          <input value={phrase} onChange={(e) => setPhrase(e.target.value)} />
        </label>
        <button type="submit">Add</button>
      </form>
    </fieldset>
  )
}
