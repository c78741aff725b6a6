/**
 * The agreement view's data (one dataset's labelled spans and texts, its traces' tags by
 * annotator) and its one write.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { agreementRows } from '../db/annotations'
import { db } from '../db/instance'
import { tracesTaggedBy } from '../db/traces'
import { traceIdPrefix } from '../lib/traces/ids'
import type { Annotation } from '../lib/traces/trace-model'
import { commitSpans, manualSpan } from './annotations'

/** The annotator name an adjudicated span carries. */
export const ADJUDICATED = 'adjudicated'

export function useAgreementRows(datasetId: string) {
  return useLiveQuery(() => agreementRows(db, traceIdPrefix(datasetId)), [datasetId])
}

/** The dataset's traces with tags by annotator (for kappa on trace tags). */
export function useTaggedTraces(datasetId: string) {
  return useLiveQuery(() => tracesTaggedBy(db, datasetId), [datasetId])
}

/**
 * Accepts one annotator's version of a disputed span: a new span by "adjudicated" with the same
 * place and label, recording in its attributes who decided and whose span was accepted.
 */
export async function adjudicate(
  span: Annotation,
  text: string,
  decider: string,
): Promise<boolean> {
  const row: Annotation = {
    ...manualSpan({
      traceId: span.traceId,
      field: span.field,
      text,
      start: span.start,
      end: span.end,
      label: span.label,
      annotator: ADJUDICATED,
    }),
    attributes: { adjudicatedBy: decider, acceptedFrom: span.annotator, acceptedSpan: span.id },
  }
  return commitSpans(`accept ${span.annotator}'s span`, { traceId: span.traceId, put: [row] })
}
