import { useState } from 'react'
import { formatCount } from '../../../lib/text/format'
import type { ImportPreview } from '../../../workers/import-protocol'
import type { RestoreMode, TracemarkPreview } from '../../../workers/restore-protocol'
import type { Importer } from '../use-import'

const SOURCE_NAMES = {
  tracemark: 'Tracemark export',
  doccano: 'doccano export',
  'label-studio': 'Label Studio export',
} as const

/**
 * The preview of a Tracemark export: no mapping to correct, only what the file holds, the bad
 * lines, and, when its traces already exist here, whether to add its annotations onto them.
 */
export function RestorePreviewForm({
  preview,
  tracemark,
  importer,
}: {
  preview: ImportPreview
  tracemark: TracemarkPreview
  importer: Importer
}) {
  const matched = tracemark.datasets.some((d) => d.match)
  const [mode, setMode] = useState<RestoreMode>(matched ? 'merge' : 'new')
  const bad = tracemark.badLineCount
  return (
    <form
      className="import-preview restore-preview"
      aria-label="Import preview"
      onSubmit={(e) => {
        e.preventDefault()
        void importer.restore(preview, mode, bad > 0)
      }}
    >
      <p>
        <strong>{preview.fileName}</strong>
      </p>
      <p data-testid="tracemark-summary">
        {SOURCE_NAMES[tracemark.source]}: {formatCount(tracemark.traces)} traces,{' '}
        {formatCount(tracemark.spans)} spans, {formatCount(tracemark.relations)} relations
      </p>
      <ul aria-label="Datasets in the file">
        {tracemark.datasets.map((d) => (
          <li key={d.id}>
            “{d.name}”: {formatCount(d.traces)} traces
            {d.exportedTraceCount > d.traces &&
              ` (of its ${formatCount(d.exportedTraceCount)} when exported)`}
            , {formatCount(d.spans)} spans, {formatCount(d.relations)} relations
            {d.match &&
              `; ${formatCount(d.match.traces)} of these traces are already in “${d.match.name}”`}
          </li>
        ))}
      </ul>
      {matched && (
        <fieldset>
          <legend>Traces that already exist (same key and problem)</legend>
          <label>
            <input
              type="radio"
              name="restore-mode"
              checked={mode === 'merge'}
              onChange={() => setMode('merge')}
            />{' '}
            Add the file’s annotations onto them (each keeps its annotator and id; a span already
            there is not added again)
          </label>
          <label>
            <input
              type="radio"
              name="restore-mode"
              checked={mode === 'new'}
              onChange={() => setMode('new')}
            />{' '}
            Import as a new dataset
          </label>
        </fieldset>
      )}
      {bad > 0 && (
        <div className="error" role="alert">
          <p>
            {formatCount(bad)} lines cannot be restored. Restore the valid ones, or cancel and
            nothing is written.
          </p>
          <ul className="bad-rows" aria-label="Bad lines">
            {tracemark.badLines.map((r) => (
              <li key={r.at}>
                {r.at}: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="preview-actions">
        <button type="submit" className="primary">
          {bad > 0 ? `Import the ${formatCount(tracemark.traces)} valid traces` : 'Import'}
        </button>
        <button type="button" onClick={importer.dismiss}>
          Cancel
        </button>
      </div>
    </form>
  )
}
