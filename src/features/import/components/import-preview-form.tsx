import { useState } from 'react'
import { describeShape } from '../../../lib/import/shapes'
import { suggestName } from '../../../lib/import/source-name'
import type { FieldMap } from '../../../lib/traces/trace-model'
import type { ImportPreview, ProblemSource } from '../../../workers/import-protocol'
import { useReadyDatasets } from '../../../data/datasets'
import type { Importer } from '../use-import'
import { usePreviewMapping } from '../use-preview-mapping'
import { PreviewTable } from './preview-table'
import { SafeText } from '../../../components/safe-text/safe-text'
import { isolatedPlain } from '../../../lib/text/bidi'
import { duplicateKeys } from '../../../lib/import/duplicate-keys'

const TARGETS: [keyof FieldMap, string][] = [
  ['problem', 'Problem'],
  ['reasoning', 'Reasoning'],
  ['answer', 'Answer'],
  ['gold', 'Reference answer'],
  ['id', 'Id (key)'],
  ['model', 'Model'],
  ['correct', 'Correctness'],
  ['spans', 'Existing spans'],
]

/** The detected mapping, correctable, with the first traces it gives; nothing is written yet. */
export function ImportPreviewForm({
  preview,
  importer,
}: {
  preview: ImportPreview
  importer: Importer
}) {
  const datasets = useReadyDatasets()
  const [name, setName] = useState(suggestName(preview.fileName))
  const [variant, setVariant] = useState('')
  const [model, setModel] = useState('')
  const [problems, setProblems] = useState<ProblemSource | null>(null)
  const [replaceDatasetId, setReplace] = useState('')
  const { shape, setShape, fieldMap, setField, fields, mapping, rows, sampleKeys } =
    usePreviewMapping(preview)
  const shapeIndex = Math.max(
    0,
    preview.shapes.findIndex((s) => JSON.stringify(s) === JSON.stringify(shape)),
  )

  return (
    <form
      className="import-preview"
      aria-label="Import preview"
      onSubmit={(e) => {
        e.preventDefault()
        void importer.start(preview, { name, variant, model, mapping, problems, replaceDatasetId })
      }}
    >
      <p>
        <strong>
          <SafeText text={preview.fileName} />
        </strong>{' '}
        · {preview.format.toUpperCase()}
      </p>
      <div className="preview-grid">
        <label className="preview-shape">
          Record shape{' '}
          <select
            aria-label="Record shape"
            value={shapeIndex}
            onChange={(e) => setShape(preview.shapes[Number(e.target.value)]!)}
          >
            {preview.shapes.map((s, i) => (
              <option key={i} value={i}>
                {describeShape(s)}
                {i === 0 ? ' (detected)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Dataset name <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          Variant{' '}
          <input
            value={variant}
            placeholder="e.g. ST, ST-HC"
            onChange={(e) => setVariant(e.target.value)}
          />
        </label>
        <label>
          Model{' '}
          <input
            value={model}
            placeholder={fieldMap.model ? `from “${fieldMap.model}”` : 'e.g. DeepSeek-R1'}
            aria-label="Model name"
            title="Used for every trace whose record names no model"
            onChange={(e) => setModel(e.target.value)}
          />
        </label>
        {TARGETS.map(([target, label]) => (
          <label key={target}>
            {label}{' '}
            <select
              aria-label={label}
              value={fieldMap[target] ?? ''}
              onChange={(e) => setField(target, e.target.value)}
            >
              <option value="">{target === 'reasoning' ? '(choose)' : '(none)'}</option>
              {fields.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          Problems from another file{' '}
          <input
            type="file"
            aria-label="Problems file"
            onChange={(e) => {
              const file = e.target.files?.[0]
              setProblems(file ? { file, fileName: file.name } : null)
            }}
          />
        </label>
        <label>
          Add as{' '}
          <select
            value={replaceDatasetId}
            onChange={(e) => setReplace(e.target.value)}
            aria-label="Add or replace"
          >
            <option value="">a new dataset</option>
            {datasets?.map((d) => (
              <option key={d.id} value={d.id}>
                replacement of “{isolatedPlain(d.name)}” (annotations kept where keys match)
              </option>
            ))}
          </select>
        </label>
      </div>
      {preview.badSamples.length > 0 && (
        <p className="error">
          {preview.badSamples.length} bad records among the first read of{' '}
          <SafeText text={preview.fileName} />, e.g. {preview.badSamples[0]!.at}:{' '}
          <SafeText text={preview.badSamples[0]!.reason} />
        </p>
      )}
      {!fieldMap.reasoning && (
        <p className="error" data-testid="reasoning-note">
          <SafeText text={preview.reasoningNote ?? 'Choose the field that holds the reasoning.'} />
        </p>
      )}
      <DuplicateKeysNote keys={sampleKeys} />
      <PreviewTable rows={rows} />
      <div className="preview-actions">
        <button type="submit" className="primary" disabled={!fieldMap.reasoning}>
          Import
        </button>
        <button type="button" onClick={importer.dismiss}>
          Cancel
        </button>
      </div>
    </form>
  )
}

/** Keys that more than one of the first traces share (issue #12): said before anything is kept. */
function DuplicateKeysNote({ keys }: { keys: string[] }) {
  const found = duplicateKeys(keys)
  if (found.count === 0) return null
  return (
    <p className="error" data-testid="preview-duplicates">
      {found.count} {found.count === 1 ? 'key is' : 'keys are'} used by more than one of the first
      records read (e.g.{' '}
      {found.examples.map((k, i) => (
        <span key={k}>
          {i > 0 && ', '}
          <SafeText text={k} />
        </span>
      ))}
      ): each is imported, but replacing the dataset or re-importing matches labels by key, so only
      the first of each can keep its labels. Choose another Id field if one is unique.
    </p>
  )
}
