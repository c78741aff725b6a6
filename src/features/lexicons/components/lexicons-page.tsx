import { useState } from 'react'
import { downloadBlob } from '../../../components/download/download-blob'
import { InfoTip } from '../../../components/info-tip/info-tip'
import { isPresetLexicon } from '../../../lib/analysis/lexicon-edit'
import { toPatternsJsonl } from '../../../lib/analysis/lexicon-patterns'
import type { Lexicon } from '../../../lib/traces/trace-model'
import { useLexicons } from '../use-lexicons'
import { usePatternsImport } from '../use-patterns-import'
import { LexiconEditor } from './lexicon-editor'
import { RecomputeStatus } from './recompute-status'
import { SafeText } from '../../../components/safe-text/safe-text'
import './lexicons.css'

const phraseCount = (l: Lexicon) => l.categories.reduce((n, c) => n + c.phrases.length, 0)
const fileName = (l: Lexicon) =>
  `${l.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'lexicon'}.patterns.jsonl`

export function LexiconsPage() {
  const { lexicons, active, activate, save, duplicate, remove } = useLexicons()
  const [editing, setEditing] = useState<Lexicon | null>(null)
  const importer = usePatternsImport(save)
  return (
    <section className="page lexicons-page">
      <h1>Lexicons</h1>
      <p className="muted">
        The active lexicon decides what the reader highlights and what the metrics count. Changing
        it, or saving an edit of it, recomputes the metrics of every trace in the background.{' '}
        <InfoTip
          label="lexicon matching"
          text="Phrases match case-insensitively at word boundaries (a CJK character is a boundary), across any white space, with ' matching ’; where several phrases start at the same place the longest wins, and matches never overlap. A phrase listed in two categories counts for the first."
        />
      </p>
      <RecomputeStatus active={active} />
      <table className="lexicon-list">
        <thead>
          <tr>
            <th>Name</th>
            <th>Categories</th>
            <th className="num">Phrases</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {lexicons?.map((lexicon) => {
            const preset = isPresetLexicon(lexicon.id)
            const isActive = active?.id === lexicon.id
            return (
              <tr key={lexicon.id} data-testid="lexicon-row">
                <td>
                  <SafeText text={lexicon.name} />{' '}
                  {preset && <span className="muted small">(preset)</span>}{' '}
                  {isActive && <strong className="badge">active</strong>}
                </td>
                <td>{lexicon.categories.map((c) => c.name).join(', ')}</td>
                <td className="num">{phraseCount(lexicon)}</td>
                <td className="actions">
                  <button type="button" disabled={isActive} onClick={() => void activate(lexicon)}>
                    {isActive ? 'Active' : `Use ${lexicon.name}`}
                  </button>
                  <button
                    type="button"
                    onClick={() => void duplicate(lexicon).then((copy) => copy && setEditing(copy))}
                    aria-label={`Copy ${lexicon.name}`}
                  >
                    Copy
                  </button>
                  {!preset && (
                    <button
                      type="button"
                      onClick={() => setEditing(lexicon)}
                      aria-label={`Edit ${lexicon.name}`}
                    >
                      Edit
                    </button>
                  )}
                  <button
                    type="button"
                    aria-label={`Export ${lexicon.name} as patterns JSONL`}
                    onClick={() =>
                      downloadBlob(
                        new Blob([toPatternsJsonl(lexicon)], { type: 'application/jsonl' }),
                        fileName(lexicon),
                      )
                    }
                  >
                    Export
                  </button>
                  {!preset && (
                    <button
                      type="button"
                      aria-label={`Delete ${lexicon.name}`}
                      onClick={() => {
                        if (window.confirm(`Delete the lexicon ${lexicon.name}?`))
                          void remove(lexicon)
                      }}
                    >
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p className="panel">
        <label>
          Import a patterns file (Prodigy / spaCy patterns JSONL){' '}
          <input
            type="file"
            accept=".jsonl,.json,.txt"
            onChange={(e) => {
              const file = e.target.files?.[0]
              if (file) void importer.importFile(file).then((l) => l && setEditing(l))
              e.target.value = ''
            }}
          />
        </label>
        {importer.error && <span className="import-error"> {importer.error}</span>}
      </p>
      {editing && (
        <LexiconEditor
          key={editing.id}
          lexicon={editing}
          onSave={async (l) => {
            if (await save(l)) setEditing(l)
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  )
}
