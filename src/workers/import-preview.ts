/**
 * The import preview (DESIGN section 3): read the first records of a file, detect the record
 * shape and the field mapping, and hand both to the page to show and correct. Writes nothing.
 */
import { detectFieldMap } from '../lib/import/detect-fields'
import { describeLocation, FormatError } from '../lib/import/formats/source-record'
import { openDecompressed } from '../lib/import/formats/detect-format'
import { readRecords } from '../lib/import/formats/read-records'
import { flatFields, flatSamples } from '../lib/import/map-records'
import { detectShape, shapeChoices, type FlatRecord } from '../lib/import/shapes'
import { isTracemarkValue } from '../lib/import/tracemark-lines'
import type { TracemarkDB } from '../db/database'
import type { BadRow, DownloadProgress, ImportPreview } from './import-protocol'
import { previewTracemark } from './restore-preview'

export const SAMPLE_RECORDS = 50

/**
 * `db` is read only for a Tracemark export, to find the traces it already holds; the preview of
 * any other file reads nothing but the file.
 */
export async function previewFile(
  file: Blob,
  fileName: string,
  db?: TracemarkDB,
): Promise<ImportPreview> {
  const samples: unknown[] = []
  const badSamples: BadRow[] = []
  for await (const r of readRecords(file, fileName)) {
    if (r.ok) samples.push(r.record)
    else badSamples.push({ at: describeLocation(r.location), reason: r.reason })
    if (samples.length >= SAMPLE_RECORDS || badSamples.length >= SAMPLE_RECORDS) break
  }
  if (samples.length === 0) {
    const first = badSamples[0]
    throw new FormatError(
      first
        ? `${fileName}: no valid records (${first.at}: ${first.reason})`
        : `${fileName}: the file holds no records`,
    )
  }
  if (isTracemarkValue(samples[0])) {
    if (!db) throw new Error('the preview of a Tracemark export needs the database')
    return {
      file,
      fileName,
      format: 'tracemark',
      mapping: { shape: { kind: 'flat' }, fieldMap: {} },
      shapes: [{ kind: 'flat' }],
      fields: [],
      samples: [],
      badSamples,
      tracemark: await previewTracemark(db, file, fileName),
    }
  }
  const objects = samples.filter(isObject)
  if (objects.length === 0)
    throw new FormatError(`${fileName}: the records are not objects with fields`)
  const shape = detectShape(objects)
  // Without a recognised reasoning field the preview still opens, with Reasoning to choose.
  const fieldMap = detectFieldMap(flatSamples(objects, shape))
  const opened = await openDecompressed(file, fileName)
  return {
    file,
    fileName,
    format: opened.compression ? `${opened.format}+${opened.compression}` : opened.format,
    mapping: { shape, fieldMap },
    shapes: shapeChoices(objects),
    fields: flatFields(objects, shape),
    samples,
    badSamples,
  }
}

/** Downloads a URL in the worker (with progress), then previews the body. */
export async function previewUrl(
  url: string,
  onProgress: (p: DownloadProgress) => void,
  db?: TracemarkDB,
): Promise<ImportPreview> {
  const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'download')
  let response: Response
  try {
    response = await fetch(url)
  } catch (error) {
    throw new FormatError(
      `${url}: could not be fetched (${String(error)}); the server may not allow it (CORS)`,
    )
  }
  if (!response.ok || !response.body)
    throw new FormatError(`${url}: the server answered ${response.status}`)
  const total = Number(response.headers.get('content-length')) || null
  const parts: Uint8Array<ArrayBuffer>[] = []
  let bytes = 0
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    parts.push(value)
    bytes += value.byteLength
    onProgress({ bytes, totalBytes: total })
  }
  return previewFile(new Blob(parts), fileName, db)
}

function isObject(v: unknown): v is FlatRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
