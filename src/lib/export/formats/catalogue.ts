/**
 * Every export format as the export dialog lists it: names, file types, offset units and what
 * each target drops. Plain data, apart from the writers (index.ts), so the first screen can
 * offer the formats without loading Parquet and zip code (issue #14: first-screen JavaScript).
 */
import { TRACEMARK_FORMAT } from '../tracemark-schema'
import type { ExportFormatId, ExportFormatInfo } from './export-format'

/** What the interchange formats that hold one text drop. */
const ONE_TEXT_DROPS = [
  'spans on the problem and the answer (only the reasoning is the text)',
  'suggestions not yet accepted, and rejected ones',
]

const DOCCANO_DROPS = [...ONE_TEXT_DROPS, 'metrics, status and correctness']

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  {
    id: TRACEMARK_FORMAT,
    label: 'Tracemark JSONL (lossless, re-importable)',
    extension: 'jsonl',
    mimeType: 'application/x-ndjson',
    offsetUnit: 'utf16',
    drops: [],
  },
  {
    id: 'doccano',
    label: 'doccano JSONL',
    extension: 'jsonl',
    mimeType: 'application/x-ndjson',
    offsetUnit: 'utf16',
    drops: [...DOCCANO_DROPS, 'relations (choose the relations variant)'],
  },
  {
    id: 'doccano-relations',
    label: 'doccano JSONL with relations',
    extension: 'jsonl',
    mimeType: 'application/x-ndjson',
    offsetUnit: 'utf16',
    drops: DOCCANO_DROPS,
  },
  {
    id: 'label-studio',
    label: 'Label Studio JSON + labelling config (zip)',
    // The export worker zips tasks.json with labeling-config.xml (the writer's config()).
    extension: 'zip',
    mimeType: 'application/json',
    offsetUnit: 'utf16',
    drops: [
      ...ONE_TEXT_DROPS.slice(0, 1),
      'rejected suggestions',
      'metrics, status and correctness',
    ],
  },
  {
    id: 'web-annotation',
    label: 'W3C Web Annotation (JSON-LD)',
    extension: 'jsonld',
    mimeType: 'application/ld+json',
    offsetUnit: 'utf16',
    drops: [
      ...ONE_TEXT_DROPS,
      'relations',
      'metrics, status and correctness',
      'the texts themselves (quotes and context only)',
    ],
  },
  {
    id: 'brat',
    label: 'brat standoff (zip)',
    extension: 'zip',
    mimeType: 'application/zip',
    offsetUnit: 'codepoint',
    drops: [
      ...ONE_TEXT_DROPS,
      'trace tags, status, metrics and correctness',
      'white space in label names (becomes _)',
      'annotators (kept in the AnnotatorNotes)',
      'line breaks at the start or end of a span (a brat fragment holds none)',
    ],
  },
  {
    id: 'spacy',
    label: 'spaCy / Prodigy spans JSONL',
    extension: 'jsonl',
    mimeType: 'application/x-ndjson',
    offsetUnit: 'codepoint',
    drops: [...ONE_TEXT_DROPS, 'relations and notes', 'metrics, status and correctness'],
  },
  {
    id: 'csv',
    label: 'CSV (trace labels and metrics)',
    extension: 'csv',
    mimeType: 'text/csv',
    offsetUnit: null,
    drops: ['spans and relations (only their count)', 'extra source fields'],
  },
  {
    id: 'parquet',
    label: 'Parquet (Hugging Face datasets)',
    extension: 'parquet',
    mimeType: 'application/vnd.apache.parquet',
    offsetUnit: 'codepoint',
    drops: ['the per-phrase metrics and pivot positions', 'span and trace times'],
  },
]

export function formatInfo(id: ExportFormatId): ExportFormatInfo {
  const found = EXPORT_FORMATS.find((f) => f.id === id)
  if (!found) throw new Error(`unknown export format ${id}`)
  return found
}
