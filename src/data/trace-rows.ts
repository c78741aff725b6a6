/** The traces table's rows, live: summaries joined with dataset names and span counts. */
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import { db } from '../db/instance'
import { countAnnotationsByTrace, watchAnnotations } from '../db/annotations'
import { listAllTraces, listTraceHead, listTraces } from '../db/traces'
import { traceIdPrefix } from '../lib/traces/ids'
import type { TraceListRow } from '../lib/traces/trace-order'
import type { Dataset, Trace } from '../lib/traces/trace-model'
import { useWatchedRead } from './watched-read'

export type TraceRow = TraceListRow

/** Rows shown while the full list loads, so that a large table shows its first rows at once. */
const HEAD_ROWS = 60

export interface TraceRows {
  /** Every row of the scope, or undefined while they load. */
  rows: TraceRow[] | undefined
  /** The first rows of the scope, available before `rows`. */
  head: TraceRow[] | undefined
}

/**
 * The table's rows: summaries of one dataset, or of every dataset when `datasetId` is null,
 * joined with dataset names and span counts. Reads `traces`, never `texts`.
 */
export function useTraceRows(datasetId: string | null, datasets: Dataset[] | undefined): TraceRows {
  const head = useLiveQuery(() => listTraceHead(db, datasetId, HEAD_ROWS), [datasetId])
  // The full read starts once the head is in: the database answers requests in turn, and a
  // read of 100,000 rows queued first would hold the first rows back until it ends.
  const headIn = head !== undefined
  const traces = useLiveQuery(
    () =>
      !headIn ? undefined : datasetId === null ? listAllTraces(db) : listTraces(db, datasetId),
    [datasetId, headIn],
  )
  // Read outside liveQuery, which would record the key of every span counted (watched-read.ts).
  const counts = useWatchedRead(
    () => watchAnnotations(db),
    () => countAnnotationsByTrace(db, datasetId === null ? '' : traceIdPrefix(datasetId)),
    [datasetId],
  )
  const names = useMemo(() => new Map(datasets?.map((d) => [d.id, d.name])), [datasets])
  const join = useMemo(
    () =>
      (list: Trace[]): TraceRow[] =>
        list.map((t) => ({
          ...t,
          annotationCount: counts?.get(t.id) ?? 0,
          datasetName: names.get(t.datasetId) ?? '',
        })),
    [counts, names],
  )
  const rows = useMemo(() => traces && join(traces), [traces, join])
  const first = useMemo(() => head && join(head), [head, join])
  return { rows, head: first }
}
