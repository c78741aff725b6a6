import { useMemo, useState } from 'react'
import { detectFieldMap } from '../../lib/import/detect-fields'
import { flatFields, flatSamples, previewRows, type Mapping } from '../../lib/import/map-records'
import type { RecordShape } from '../../lib/import/shapes'
import { sourceKey } from '../../lib/import/source-name'
import type { FieldMap } from '../../lib/traces/trace-model'
import type { ImportPreview } from '../../workers/import-protocol'

/**
 * The mapping the preview shows and the user corrects: the record shape (any the samples can be
 * read as) and the field map; choosing another shape detects the fields anew for it.
 */
export function usePreviewMapping(preview: ImportPreview) {
  const [shape, setShapeState] = useState<RecordShape>(preview.mapping.shape)
  const [fieldMap, setFieldMap] = useState<FieldMap>(preview.mapping.fieldMap)
  const fields = useMemo(
    () => (shape === preview.mapping.shape ? preview.fields : flatFields(preview.samples, shape)),
    [preview, shape],
  )
  const mapping: Mapping = useMemo(() => ({ shape, fieldMap }), [shape, fieldMap])
  const rows = useMemo(
    () => previewRows(preview.samples, mapping, 8, sourceKey(preview.fileName)),
    [preview, mapping],
  )
  // Every sample read (not only the rows shown), for keys that repeat among them.
  const sampleKeys = useMemo(
    () =>
      previewRows(
        preview.samples,
        mapping,
        preview.samples.length,
        sourceKey(preview.fileName),
      ).flatMap((r) => (r.ok ? [r.trace.key] : [])),
    [preview, mapping],
  )
  const setShape = (next: RecordShape) => {
    setShapeState(next)
    setFieldMap(detectFieldMap(flatSamples(preview.samples, next)))
  }
  const setField = (target: keyof FieldMap, source: string) =>
    setFieldMap((m) => ({ ...m, [target]: source || undefined }))
  return { shape, setShape, fieldMap, setField, fields, mapping, rows, sampleKeys }
}
