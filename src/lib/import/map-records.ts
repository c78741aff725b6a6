/**
 * Applies an import mapping to source records: flatten by shape, then normalise each flat
 * record. Shared by the worker (every record) and the preview (the first records).
 */
import type { FieldMap } from '../traces/trace-model'
import { normaliseRecord, RowError, type NormalisedTrace } from './normalise-record'
import { flattenRecord, type FlatRecord, type RecordShape } from './shapes'

export interface Mapping {
  shape: RecordShape
  fieldMap: FieldMap
}

export type MappedTrace = NormalisedTrace & {
  /** The source's own id value, for joining problems from another file. */
  joinKey: string
}

export function mapRecord(record: unknown, mapping: Mapping, ordinal: number): MappedTrace[] {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new RowError(
      `expected an object, found ${Array.isArray(record) ? 'a list' : String(record)}`,
    )
  }
  const { fieldMap } = mapping
  return flattenRecord(record as FlatRecord, mapping.shape).map((flat) => {
    const trace = normaliseRecord(flat, fieldMap, ordinal)
    const id = fieldMap.id ? flat[fieldMap.id] : undefined
    return { ...trace, joinKey: id === undefined || id === null ? '' : String(id) }
  })
}

/** The flat field names of sample records, for the mapping's choices. */
export function flatFields(samples: unknown[], shape: RecordShape): string[] {
  const names = new Set<string>()
  for (const s of samples) {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) continue
    for (const flat of flattenRecord(s as FlatRecord, shape))
      for (const k of Object.keys(flat)) names.add(k)
  }
  return [...names]
}

export type PreviewRow = { ok: true; trace: MappedTrace } | { ok: false; reason: string }

/** The traces the first records would become, or why one would be refused. */
export function previewRows(samples: unknown[], mapping: Mapping, limit = 8): PreviewRow[] {
  const rows: PreviewRow[] = []
  for (const [i, s] of samples.entries()) {
    try {
      for (const trace of mapRecord(s, mapping, i + 1)) rows.push({ ok: true, trace })
    } catch (error) {
      if (!(error instanceof RowError)) throw error
      rows.push({ ok: false, reason: error.message })
    }
    if (rows.length >= limit) break
  }
  return rows.slice(0, limit)
}
