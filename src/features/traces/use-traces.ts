import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import { db } from '../../db/instance'
import { countAnnotationsByTrace } from '../../db/annotations'
import { getDataset } from '../../db/datasets'
import { listTraces } from '../../db/traces'
import { traceIdPrefix } from '../../lib/ids'
import type { Trace } from '../../lib/trace-model'

export interface TraceRow extends Trace {
  annotationCount: number
}

/** A dataset's rows for the table: summaries only, never texts; `undefined` while loading. */
export function useTraceRows(datasetId: string): TraceRow[] | undefined {
  const traces = useLiveQuery(() => listTraces(db, datasetId), [datasetId])
  const counts = useLiveQuery(
    () => countAnnotationsByTrace(db, traceIdPrefix(datasetId)),
    [datasetId],
  )
  return useMemo(
    () => traces?.map((t) => ({ ...t, annotationCount: counts?.get(t.id) ?? 0 })),
    [traces, counts],
  )
}

export function useDataset(datasetId: string) {
  return useLiveQuery(() => getDataset(db, datasetId), [datasetId])
}
