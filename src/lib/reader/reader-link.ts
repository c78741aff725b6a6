/**
 * Deep links into the reader: `#/traces/<id>?at=<offset>&to=<end>&q=<search>`. The query sits
 * inside the hash (the router only sees the hash), so a link can be copied and shared as it is.
 * Offsets are UTF-16 offsets into the reasoning, as everywhere in Tracemark.
 */

export interface ReaderQuery {
  at: number | null
  to: number | null
  q: string
}

export function readerPath(traceId: string, query: Partial<ReaderQuery> = {}): string {
  const params = new URLSearchParams()
  if (query.at != null) params.set('at', String(query.at))
  if (query.to != null) params.set('to', String(query.to))
  if (query.q) params.set('q', query.q)
  const search = params.toString()
  return `/traces/${traceId}${search ? `?${search}` : ''}`
}

/** The query part of a location hash: `at=5` of `#/traces/x?at=5`. */
export function hashQuery(hash: string): string {
  const cut = hash.indexOf('?')
  return cut < 0 ? '' : hash.slice(cut + 1)
}

export function parseReaderQuery(search: string): ReaderQuery {
  const params = new URLSearchParams(search)
  return {
    at: offsetParam(params.get('at')),
    to: offsetParam(params.get('to')),
    q: params.get('q') ?? '',
  }
}

function offsetParam(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null
  return Number(value)
}
