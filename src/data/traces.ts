/** One trace as the reader, compare and annotate screens show it, live. */
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import { getDataset } from '../db/datasets'
import { db } from '../db/instance'
import { getTexts, getTrace, neighbourTraceIds } from '../db/traces'
import { keepRecent } from '../lib/collections/keep-recent'
import type { Annotation, Dataset, Trace, TraceTexts } from '../lib/traces/trace-model'
import { traceSpans, useTraceSpansAfter } from './trace-spans'

export interface TraceView {
  trace: Trace
  texts: TraceTexts
  dataset: Dataset | undefined
  annotations: Annotation[]
}

/**
 * The texts last read for a view. A write to the trace's row (a span, its status) reads the
 * texts again; the same texts are handed on as the same object, so that views keyed on them
 * (the orphan check of every span, the layers) need not redo their work.
 */
const lastTexts = new Map<string, TraceTexts>()
/** Traces whose texts are kept (the reader's, compare's panes): the oldest go first. */
const KEPT_TEXTS = 8

function keptTexts(read: TraceTexts): TraceTexts {
  const last = lastTexts.get(read.traceId)
  return keepRecent(
    lastTexts,
    read.traceId,
    last && sameTexts(last, read) ? last : read,
    KEPT_TEXTS,
  )
}

function sameTexts(a: TraceTexts, b: TraceTexts): boolean {
  return (
    a.traceId === b.traceId &&
    a.datasetId === b.datasetId &&
    a.problem === b.problem &&
    a.reasoning === b.reasoning &&
    a.answer === b.answer &&
    a.gold === b.gold &&
    JSON.stringify(a.extra) === JSON.stringify(b.extra)
  )
}

/**
 * One trace with its texts and spans, live: `view` is null when the trace does not exist,
 * undefined while loading. `texts` are handed on once the trace, its texts and its dataset are
 * read, without waiting for the spans to be attached: the reader analyses the text then (the
 * dataset's read may still wait behind the spans' in IndexedDB).
 */
export function useTraceView(traceId: string): {
  view: TraceView | null | undefined
  texts: TraceTexts | undefined
} {
  // The spans come from the trace's in-memory set: a span written here never re-reads the
  // texts, and a trace row change never re-reads the spans. They follow a change after the
  // text has drawn it (TraceField's `spansOf` reads them at once).
  const annotations = useTraceSpansAfter(traceId)
  const base = useLiveQuery(async () => {
    const [trace, read] = await Promise.all([getTrace(db, traceId), getTexts(db, traceId)])
    if (!read) return null
    const texts = keptTexts(read)
    if (!trace) return null
    return { trace, texts, dataset: await getDataset(db, trace.datasetId) }
  }, [traceId])
  const view = useMemo(() => {
    if (base === null) return null
    if (base === undefined || annotations === undefined) return undefined
    return { ...base, annotations }
  }, [base, annotations])
  return { view, texts: base?.texts }
}

/**
 * Starts reading what the reader of `traceId` shows before its code has loaded (#14), so the
 * reads overlap the download: the spans (thousands of rows, the longest read) are held until
 * the reader subscribes to them.
 */
export function prefetchTraceView(traceId: string): void {
  traceSpans(traceId).prefetch()
}

/** The previous and next trace of a trace's dataset, in source order. */
export function useNeighbours(trace: Trace | undefined) {
  return useLiveQuery(
    () => (trace ? neighbourTraceIds(db, trace.id, trace.datasetId) : undefined),
    [trace?.id, trace?.datasetId],
  )
}
