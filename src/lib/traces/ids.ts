/**
 * Random ids. crypto.randomUUID exists only in secure contexts, and the app must also run from
 * a plain-http static host, so build a v4 UUID from getRandomValues, which exists everywhere.
 */
export function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** Trace ids sort by dataset, then source order, so a dataset's rows form one key range. */
export function traceId(datasetId: string, ordinal: number): string {
  return `${datasetId}:${String(ordinal).padStart(9, '0')}`
}

/** The key range of every trace id of one dataset (for annotations keyed by trace id). */
export function traceIdPrefix(datasetId: string): string {
  return `${datasetId}:`
}

/** Orphaned spans keep their old trace id behind this prefix, outside every dataset's range. */
export const ORPHAN_PREFIX = 'orphan:'
