/**
 * The import preview (DESIGN section 3): read the first records of a file, detect the record
 * shape and the field mapping, and hand both to the page to show and correct. Writes nothing.
 */
import { detectFieldMap, explainMissingReasoning } from '../lib/import/detect-fields'
import { describeLocation, FormatError } from '../lib/import/formats/source-record'
import { openDecompressed } from '../lib/import/formats/detect-format'
import { readRecords } from '../lib/import/formats/read-records'
import { flatFields, flatSamples } from '../lib/import/map-records'
import { detectShape, shapeChoices, type FlatRecord } from '../lib/import/shapes'
import { isTracemarkValue } from '../lib/import/tracemark-lines'
import { detectForeign } from '../lib/import/foreign-annotations'
import type { TracemarkDB } from '../db/database'
import type { BadRow, DownloadProgress, DownloadTooLarge, ImportPreview } from './import-protocol'
import { checkImportUrl } from '../lib/import/url-policy'
import { previewTracemark } from './restore-preview'
import type { StagedRestore } from './restore-job'

export const SAMPLE_RECORDS = 50

/**
 * `db` is read only for a Tracemark export, to find the traces it already holds; the preview of
 * any other file reads nothing but the file. `stage`, for a Tracemark export (not a colleague's
 * doccano or Label Studio file), receives its valid lines as they are checked (StagedRestore).
 */
export async function previewFile(
  file: Blob,
  fileName: string,
  db?: TracemarkDB,
  stage?: StagedRestore,
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
  if (isTracemarkValue(samples[0]) || detectForeign(samples[0])) {
    if (!db) throw new Error('the preview of a Tracemark export needs the database')
    return {
      file,
      fileName,
      format: isTracemarkValue(samples[0]) ? 'tracemark' : (detectForeign(samples[0]) ?? ''),
      mapping: { shape: { kind: 'flat' }, fieldMap: {} },
      shapes: [{ kind: 'flat' }],
      fields: [],
      samples: [],
      badSamples,
      tracemark: await previewTracemark(
        db,
        file,
        fileName,
        isTracemarkValue(samples[0]) ? stage : undefined,
      ),
    }
  }
  const objects = samples.filter(isObject)
  if (objects.length === 0)
    throw new FormatError(`${fileName}: the records are not objects with fields`)
  const shape = detectShape(objects)
  // Without a recognised reasoning field the preview still opens, with Reasoning to choose.
  const flat = flatSamples(objects, shape)
  const fieldMap = detectFieldMap(flat)
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
    reasoningNote: fieldMap.reasoning ? undefined : (explainMissingReasoning(flat) ?? undefined),
  }
}

/**
 * Downloads a URL in the worker (with progress), at most `limit` bytes, then previews the body.
 * The worker checks the URL itself (and where a redirect led), whatever the page did: the same
 * rule as the page's, and the Content-Security-Policy header covers the worker too.
 */
export async function previewUrl(
  url: string,
  limit: number,
  onProgress: (p: DownloadProgress) => void,
  db?: TracemarkDB,
): Promise<ImportPreview | DownloadTooLarge> {
  const checked = checkImportUrl(url)
  if (!checked.ok) throw new FormatError(checked.message)
  const fileName = decodeURIComponent(new URL(checked.url).pathname.split('/').pop() || 'download')
  let response: Response
  try {
    response = await fetch(checked.url, { credentials: 'omit', referrerPolicy: 'no-referrer' })
  } catch (error) {
    throw new FormatError(
      `${checked.url}: could not be fetched (${String(error)}); the server may not allow it (CORS), or it is not reachable`,
    )
  }
  const landed = checkImportUrl(response.url || checked.url)
  if (!landed.ok) {
    await response.body?.cancel()
    throw new FormatError(`${checked.url} redirected to a refused address. ${landed.message}`)
  }
  if (!response.ok || !response.body)
    throw new FormatError(`${checked.url}: the server answered ${response.status}`)
  const total = Number(response.headers.get('content-length')) || null
  if (total !== null && total > limit) {
    await response.body.cancel()
    return { tooLarge: true, bytes: total, limit, declared: true }
  }
  const parts: Uint8Array<ArrayBuffer>[] = []
  let bytes = 0
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    bytes += value.byteLength
    if (bytes > limit) {
      await reader.cancel()
      return { tooLarge: true, bytes: bytes - value.byteLength, limit, declared: false }
    }
    parts.push(value)
    onProgress({ bytes, totalBytes: total })
  }
  return previewFile(new Blob(parts), fileName, db)
}

function isObject(v: unknown): v is FlatRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
