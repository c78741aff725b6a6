/**
 * Applies an import mapping to source records: flatten by shape, then normalise each flat
 * record. Shared by the worker (every record) and the preview (the first records).
 */
import type { FieldMap } from '../traces/trace-model'
import { assembleChunks, chunkRelations } from './chunks'
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

/**
 * Maps a stream of records to traces. Most shapes give each record's traces at once; chunks of
 * one trace are gathered and rebuilt at `finish` (the whole file is that trace, keyed `key`).
 */
export function recordMapper(mapping: Mapping, key: string) {
  const chunks: FlatRecord[] = []
  let firstOrdinal = 0
  return {
    add(record: unknown, ordinal: number): MappedTrace[] {
      if (mapping.shape.kind !== 'chunks') return mapRecord(record, mapping, ordinal)
      if (typeof record !== 'object' || record === null || Array.isArray(record))
        throw new RowError('expected a chunk object')
      if (chunks.length === 0) firstOrdinal = ordinal
      chunks.push(record as FlatRecord)
      return []
    },
    finish(): MappedTrace[] {
      const { shape } = mapping
      if (shape.kind !== 'chunks' || chunks.length === 0) return []
      const record = assembleChunks(chunks, shape)
      const { fieldMap } = mapping
      const trace = normaliseRecord(record, fieldMap, firstOrdinal)
      if (!fieldMap.id) trace.key = key
      trace.relations = chunkRelations(trace.spans, shape)
      const id = fieldMap.id ? record[fieldMap.id] : undefined
      return [{ ...trace, joinKey: id === undefined || id === null ? '' : String(id) }]
    },
  }
}

/** The flat records sample records stand for (chunks: the one record they rebuild). */
export function flatSamples(samples: unknown[], shape: RecordShape): FlatRecord[] {
  const objects = samples.filter(
    (s): s is FlatRecord => typeof s === 'object' && s !== null && !Array.isArray(s),
  )
  if (shape.kind === 'chunks') return objects.length > 0 ? [assembleChunks(objects, shape)] : []
  return objects.flatMap((o) => flattenRecord(o, shape))
}

/** The flat field names of sample records, for the mapping's choices. */
export function flatFields(samples: unknown[], shape: RecordShape): string[] {
  return [...new Set(flatSamples(samples, shape).flatMap(Object.keys))]
}

export type PreviewRow = { ok: true; trace: MappedTrace } | { ok: false; reason: string }

/** The traces the first records would become, or why one would be refused. */
export function previewRows(
  samples: unknown[],
  mapping: Mapping,
  limit = 8,
  key = 'preview',
): PreviewRow[] {
  const rows: PreviewRow[] = []
  const mapper = recordMapper(mapping, key)
  const attempt = (map: () => MappedTrace[]) => {
    try {
      for (const trace of map()) rows.push({ ok: true, trace })
    } catch (error) {
      if (!(error instanceof RowError)) throw error
      rows.push({ ok: false, reason: error.message })
    }
  }
  for (const [i, s] of samples.entries()) {
    attempt(() => mapper.add(s, i + 1))
    if (rows.length >= limit) break
  }
  attempt(() => mapper.finish())
  return rows.slice(0, limit)
}
