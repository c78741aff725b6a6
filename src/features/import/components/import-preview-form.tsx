import { useMemo, useState } from 'react'
import { describeShape } from '../../../lib/import/shapes'
import { previewRows, type Mapping } from '../../../lib/import/map-records'
import type { FieldMap } from '../../../lib/traces/trace-model'
import type { ImportPreview, ProblemSource } from '../../../workers/import-protocol'
import { useReadyDatasets } from '../../../data/datasets'
import type { Importer } from '../use-import'
import { PreviewTable } from './preview-table'

const TARGETS: [keyof FieldMap, string][] = [
  ['problem', 'Problem'],
  ['reasoning', 'Reasoning'],
  ['answer', 'Answer'],
  ['gold', 'Reference answer'],
  ['id', 'Id (key)'],
  ['model', 'Model'],
  ['correct', 'Correctness'],
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
  const [name, setName] = useState(
    preview.fileName.replace(/\.(jsonl?|ndjson|csv|tsv|parquet)(\.gz)?$/i, ''),
  )
  const [variant, setVariant] = useState('')
  const [fieldMap, setFieldMap] = useState<FieldMap>(preview.mapping.fieldMap)
  const [problems, setProblems] = useState<ProblemSource | null>(null)
  const [replaceDatasetId, setReplace] = useState('')
  const mapping: Mapping = useMemo(
    () => ({ shape: preview.mapping.shape, fieldMap }),
    [preview, fieldMap],
  )
  const rows = useMemo(() => previewRows(preview.samples, mapping), [preview, mapping])
  const setField = (target: keyof FieldMap, source: string) =>
    setFieldMap((m) => ({ ...m, [target]: source || undefined }))

  return (
    <form
      className="import-preview"
      aria-label="Import preview"
      onSubmit={(e) => {
        e.preventDefault()
        void importer.start(preview, { name, variant, mapping, problems, replaceDatasetId })
      }}
    >
      <p>
        <strong>{preview.fileName}</strong> · {preview.format.toUpperCase()} ·{' '}
        {describeShape(preview.mapping.shape)}
      </p>
      <div className="preview-grid">
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
        {TARGETS.map(([target, label]) => (
          <label key={target}>
            {label}{' '}
            <select
              aria-label={label}
              value={fieldMap[target] ?? ''}
              onChange={(e) => setField(target, e.target.value)}
            >
              <option value="">(none)</option>
              {preview.fields.map((f) => (
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
                replacement of “{d.name}” (annotations kept where keys match)
              </option>
            ))}
          </select>
        </label>
      </div>
      {preview.badSamples.length > 0 && (
        <p className="error">
          {preview.badSamples.length} bad records among the first read, e.g.{' '}
          {preview.badSamples[0]!.at}: {preview.badSamples[0]!.reason}
        </p>
      )}
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
