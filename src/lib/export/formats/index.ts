/** Every export format with its writer, for the export worker (the dialog reads catalogue.ts). */
import { toTracemarkLine } from '../tracemark-jsonl'
import { bratWriter } from './brat'
import { formatInfo } from './catalogue'
import { csvWriter } from './csv'
import { toDoccanoLine } from './doccano'
import {
  lineWriter,
  type ExportFormat,
  type ExportFormatId,
  type ExportOptions,
  type ExportWriter,
} from './export-format'
import { labelStudioWriter } from './label-studio'
import { parquetWriter } from './parquet'
import { toSpacyLine } from './spacy'
import { webAnnotationWriter } from './web-annotation'

export { EXPORT_FORMATS, formatInfo } from './catalogue'
export type {
  ExportFormat,
  ExportFormatId,
  ExportFormatInfo,
  ExportOptions,
  ExportWriter,
} from './export-format'

const WRITERS: Record<ExportFormatId, (options: ExportOptions) => ExportWriter> = {
  tracemark: () => lineWriter(toTracemarkLine),
  doccano: () => lineWriter((b) => toDoccanoLine(b, false)),
  'doccano-relations': () => lineWriter((b) => toDoccanoLine(b, true)),
  'label-studio': labelStudioWriter,
  'web-annotation': webAnnotationWriter,
  brat: bratWriter,
  spacy: () => lineWriter(toSpacyLine),
  csv: csvWriter,
  parquet: parquetWriter,
}

export function exportFormat(id: ExportFormatId): ExportFormat {
  return { ...formatInfo(id), create: WRITERS[id] }
}
