/**
 * Sorting and filtering of the traces table, done here rather than in TanStack Table's row
 * models: at 100,000 rows TanStack's core and sorted models cost 0.3 to 0.7 s per change, while
 * a sort of precomputed keys over an index array takes tens of milliseconds. The table then
 * hands TanStack only the rows in view. Pure: no React, DOM or Dexie.
 */
import type { Trace } from './trace-model'
import { matchesFilter, type TraceFilter } from './trace-filter'

/** A row of the traces table: a trace summary with what the table joins to it. */
export interface TraceListRow extends Trace {
  annotationCount: number
  datasetName: string
}

export interface SortSpec {
  id: string
  desc: boolean
}

type SortValue = number | string

/** The value a column sorts by; `pivot:<category>` columns read one category's count. */
export function sortValue(row: TraceListRow, columnId: string): SortValue {
  const m = row.metrics
  if (columnId.startsWith('pivot:')) return m.pivots[columnId.slice(6)] ?? 0
  switch (columnId) {
    case 'key':
      return naturalKey(row.key)
    case 'problemPreview':
      return row.problemPreview.toLowerCase()
    case 'dataset':
      return row.datasetName.toLowerCase()
    case 'model':
      return row.model.toLowerCase()
    case 'status':
      return row.status
    case 'tags':
      return row.tags.join(' ')
    case 'correct':
      return row.correct === null ? -1 : Number(row.correct)
    case 'annotationCount':
      return row.annotationCount
    case 'firstPivotAt':
      return m.firstPivotAt ?? Number.POSITIVE_INFINITY
    case 'hasFinalAnswer':
      return Number(m.hasFinalAnswer)
    case 'truncated':
      return Number(row.truncated ?? false)
    case 'chars':
    case 'words':
    case 'tokens':
    case 'steps':
    case 'sentences':
    case 'pivotTotal':
    case 'pivotsPer1k':
    case 'pivotCategories':
    case 'backtracks':
    case 'verifications':
      return m[columnId]
    default:
      return row.ordinal
  }
}

/** Digit runs padded so that "item-9" sorts before "item-10". */
export function naturalKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, (d) => d.padStart(12, '0'))
}

/** Sort keys of one column over one row list, and the orders made from them so far. */
interface ColumnOrders {
  keys: Float64Array | string[]
  asc?: Uint32Array
  desc?: Uint32Array
}

/**
 * Orders per row list and column (#14): the keys of a column are read once per list (a new list
 * comes with every dataset change), a second sort on the same column is a cached order, and the
 * other direction of a sorted column is derived from it in one linear pass.
 */
const cache = new WeakMap<readonly TraceListRow[], Map<string, ColumnOrders>>()

function columnKeys(rows: readonly TraceListRow[], id: string): Float64Array | string[] {
  const first = rows[0] ? sortValue(rows[0], id) : 0
  if (typeof first === 'number') {
    const keys = new Float64Array(rows.length)
    // `|| 0` turns -0 into 0, so that equal values stay ties.
    rows.forEach((r, i) => (keys[i] = (sortValue(r, id) as number) || 0))
    return keys
  }
  return rows.map((r) => String(sortValue(r, id)))
}

/**
 * The row indexes of `rows` in the order of `sort` (source order when null). Ties keep their
 * source order in both directions. The result is shared (cached): callers must not change it.
 */
export function sortOrder(rows: readonly TraceListRow[], sort: SortSpec | null): Uint32Array {
  if (!sort) {
    const order = new Uint32Array(rows.length)
    for (let i = 0; i < order.length; i++) order[i] = i
    return order
  }
  let perList = cache.get(rows)
  if (perList === undefined) {
    perList = new Map()
    cache.set(rows, perList)
  }
  let column = perList.get(sort.id)
  if (column === undefined) {
    column = { keys: columnKeys(rows, sort.id) }
    perList.set(sort.id, column)
  }
  const cached = sort.desc ? column.desc : column.asc
  if (cached) return cached
  const other = sort.desc ? column.asc : column.desc
  const order = other ? flipOrder(other, column.keys) : orderBy(column.keys, sort.desc)
  if (sort.desc) column.desc = order
  else column.asc = order
  return order
}

function orderBy(keys: Float64Array | string[], desc: boolean): Uint32Array {
  const sign = desc ? -1 : 1
  if (keys instanceof Float64Array) {
    return stableNumericOrder(desc ? keys.map((k) => sign * k || 0) : keys)
  }
  const order = new Uint32Array(keys.length)
  for (let i = 0; i < order.length; i++) order[i] = i
  return order.sort((a, b) => {
    const x = keys[a]!
    const y = keys[b]!
    return x === y ? a - b : x < y ? -sign : sign
  })
}

/**
 * The same rows in the other direction, ties still in source order: `order` reversed, then each
 * run of equal keys reversed back. Linear, where a sort is n log n.
 */
export function flipOrder(order: Uint32Array, keys: Float64Array | string[]): Uint32Array {
  const n = order.length
  const flipped = new Uint32Array(n)
  for (let i = 0; i < n; i++) flipped[i] = order[n - 1 - i]!
  let start = 0
  while (start < n) {
    let end = start + 1
    const key = keys[flipped[start]!]
    while (end < n && keys[flipped[end]!] === key) end++
    if (end - start > 1) flipped.subarray(start, end).reverse()
    start = end
  }
  return flipped
}

/**
 * Indexes ordered by `keys`, ties in index order. A comparator sort of 100,000 indexes costs
 * about 60 ms; the native numeric sort of the keys plus one binary search per row, a fraction.
 */
export function stableNumericOrder(keys: Float64Array): Uint32Array {
  const sorted = keys.slice().sort()
  const taken = new Uint32Array(keys.length)
  const order = new Uint32Array(keys.length)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]! < key) lo = mid + 1
      else hi = mid
    }
    order[lo + taken[lo]!] = i
    taken[lo]! += 1
  }
  return order
}

/** 1 for each row that passes the filter: computed once per list and filter, not per sort. */
export function filterMask(rows: readonly TraceListRow[], filter: TraceFilter): Uint8Array {
  const mask = new Uint8Array(rows.length)
  for (let i = 0; i < rows.length; i++) mask[i] = matchesFilter(rows[i]!, filter) ? 1 : 0
  return mask
}

/** The rows of `order` that the mask keeps, in order. */
export function applyMask(order: Uint32Array, mask: Uint8Array): Uint32Array {
  const kept = new Uint32Array(order.length)
  let n = 0
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!
    if (mask[i] === 1) kept[n++] = i
  }
  return kept.subarray(0, n)
}

/** The sorted rows that pass the filter, as row indexes. */
export function filterOrder(
  rows: readonly TraceListRow[],
  order: Uint32Array,
  filter: TraceFilter,
): Uint32Array {
  return applyMask(order, filterMask(rows, filter))
}

/**
 * The ids of `rows` in `order` (row indexes), resolved only when asked: a sort or a filter of
 * 100,000 rows hands this on in O(1) instead of building a 100,000-id array per change (two
 * such arrays were most of a sort's time at 100k rows, #14). Immutable, like its inputs.
 */
export class IdOrder {
  private allIds: string[] | null = null

  constructor(
    private readonly rows: readonly { id: string }[],
    private readonly order: Uint32Array,
  ) {}

  get size(): number {
    return this.order.length
  }

  /** The id at position `i`, or null outside the order. */
  idAt(i: number): string | null {
    const row = i >= 0 ? this.order[i] : undefined
    return row === undefined ? null : this.rows[row]!.id
  }

  /** The position of `id`, or -1 (a linear scan: once per key press or per reader render). */
  indexOf(id: string): number {
    const { rows, order } = this
    for (let i = 0; i < order.length; i++) if (rows[order[i]!]!.id === id) return i
    return -1
  }

  /** Every id, in order (built once, on first use). */
  ids(): readonly string[] {
    this.allIds ??= Array.from(this.order, (i) => this.rows[i]!.id)
    return this.allIds
  }
}

export const NO_ID_ORDER = new IdOrder([], new Uint32Array(0))
