/** One trace as the reader, compare and annotate screens show it, live. */
import { useLiveQuery } from 'dexie-react-hooks'
import { listAnnotations } from '../db/annotations'
import { getDataset } from '../db/datasets'
import { db } from '../db/instance'
import { getTexts, getTrace, neighbourTraceIds } from '../db/traces'
import type { Annotation, Dataset, Trace, TraceTexts } from '../lib/traces/trace-model'

export interface TraceView {
  trace: Trace
  texts: TraceTexts
  dataset: Dataset | undefined
  annotations: Annotation[]
}

/** One trace with its texts and spans, live; null when it does not exist, undefined loading. */
export function useTraceView(traceId: string): TraceView | null | undefined {
  return useLiveQuery(async () => {
    const [trace, texts, annotations] = await Promise.all([
      getTrace(db, traceId),
      getTexts(db, traceId),
      listAnnotations(db, traceId),
    ])
    if (!trace || !texts) return null
    return { trace, texts, annotations, dataset: await getDataset(db, trace.datasetId) }
  }, [traceId])
}

/** The previous and next trace of a trace's dataset, in source order. */
export function useNeighbours(trace: Trace | undefined) {
  return useLiveQuery(
    () => (trace ? neighbourTraceIds(db, trace.id, trace.datasetId) : undefined),
    [trace?.id, trace?.datasetId],
  )
}
