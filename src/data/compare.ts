/**
 * Compare (trace against trace, dataset against dataset): the live queries both screens ask,
 * and the one read of texts the LLM Comparator export needs.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { listAnnotations } from '../db/annotations'
import { db } from '../db/instance'
import { getTexts, getTextsOf, getTrace, listTraces, tracesOfProblem } from '../db/traces'
import type { Annotation, Trace, TraceTexts } from '../lib/traces/trace-model'

/** Every trace of one problem (by `problemHash`), across datasets; [] without a problem. */
export function useTracesOfProblem(problemHash: string | null): Trace[] | undefined {
  return useLiveQuery(
    async () => (problemHash ? tracesOfProblem(db, problemHash) : []),
    [problemHash],
  )
}

export interface PaneTrace {
  trace: Trace
  texts: TraceTexts
  annotations: Annotation[]
}

/** Each pane's trace, texts and spans, live; null for a trace not stored, undefined loading. */
export function usePaneTraces(ids: readonly string[]): (PaneTrace | null)[] | undefined {
  const key = ids.join(',')
  return useLiveQuery(
    () =>
      Promise.all(
        (key ? key.split(',') : []).map(async (id) => {
          const [trace, texts, annotations] = await Promise.all([
            getTrace(db, id),
            getTexts(db, id),
            listAnnotations(db, id),
          ])
          return trace && texts ? { trace, texts, annotations } : null
        }),
      ),
    [key],
  )
}

/** The trace summaries (metrics, never texts) of the datasets given, in that order. */
export function useTracesOfDatasets(datasetIds: readonly string[]): Trace[] | undefined {
  const key = datasetIds.join(',')
  return useLiveQuery(
    async () =>
      (await Promise.all((key ? key.split(',') : []).map((id) => listTraces(db, id)))).flat(),
    [key],
  )
}

/** The texts of several traces, in the order asked (undefined where a trace has none). */
export function readTexts(traceIds: string[]): Promise<(TraceTexts | undefined)[]> {
  return getTextsOf(db, traceIds)
}
