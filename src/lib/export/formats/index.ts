/** Every export format, in the order the export dialog lists them. */
import { TRACEMARK_FORMAT } from '../tracemark-schema'
import { toTracemarkLine } from '../tracemark-jsonl'
import { bratFormat } from './brat'
import { csvFormat } from './csv'
import { doccanoFormat, doccanoRelationsFormat } from './doccano'
import { lineWriter, type ExportFormat, type ExportFormatId } from './export-format'
import { labelStudioFormat } from './label-studio'
import { parquetFormat } from './parquet'
import { spacyFormat } from './spacy'
import { webAnnotationFormat } from './web-annotation'

export type { ExportFormat, ExportFormatId, ExportOptions, ExportWriter } from './export-format'

export const tracemarkFormat: ExportFormat = {
  id: TRACEMARK_FORMAT,
  label: 'Tracemark JSONL (lossless, re-importable)',
  extension: 'jsonl',
  mimeType: 'application/x-ndjson',
  offsetUnit: 'utf16',
  drops: [],
  create: () => lineWriter(toTracemarkLine),
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  tracemarkFormat,
  doccanoFormat,
  doccanoRelationsFormat,
  labelStudioFormat,
  webAnnotationFormat,
  bratFormat,
  spacyFormat,
  csvFormat,
  parquetFormat,
]

export function exportFormat(id: ExportFormatId): ExportFormat {
  const found = EXPORT_FORMATS.find((f) => f.id === id)
  if (!found) throw new Error(`unknown export format ${id}`)
  return found
}
