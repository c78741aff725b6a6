/**
 * Which traces and spans an export writes (the export dialog's filter). Pure: the export worker
 * applies it to each trace it reads. An empty list means "any".
 * - `statuses`, `tags`: trace-level; a trace is written when its status is one of `statuses` and
 *   it carries at least one of `tags`.
 * - `labels`, `annotators`: span-level; only the spans with one of the labels and by one of the
 *   annotators are written (relations only between written spans), and a trace without such a
 *   span is left out.
 */
import type { TraceBundle } from './tracemark-schema'
import type { Trace, TraceStatus } from '../traces/trace-model'

export interface ExportFilter {
  statuses: TraceStatus[]
  tags: string[]
  labels: string[]
  annotators: string[]
}

export const NO_FILTER: ExportFilter = { statuses: [], tags: [], labels: [], annotators: [] }

export function isEmptyFilter(filter: ExportFilter | undefined): boolean {
  return (
    !filter ||
    (filter.statuses.length === 0 &&
      filter.tags.length === 0 &&
      filter.labels.length === 0 &&
      filter.annotators.length === 0)
  )
}

/** Whether the trace's own fields pass (read before its texts and spans, to skip reading them). */
export function traceMatches(trace: Trace, filter: ExportFilter): boolean {
  if (filter.statuses.length > 0 && !filter.statuses.includes(trace.status)) return false
  if (filter.tags.length > 0 && !trace.tags.some((tag) => filter.tags.includes(tag))) return false
  return true
}

/** The bundle as the filter writes it, or null when the filter leaves the trace out. */
export function filterBundle(bundle: TraceBundle, filter: ExportFilter): TraceBundle | null {
  if (!traceMatches(bundle.trace, filter)) return null
  if (filter.labels.length === 0 && filter.annotators.length === 0) return bundle
  const annotations = bundle.annotations.filter(
    (a) =>
      (filter.labels.length === 0 || filter.labels.includes(a.label)) &&
      (filter.annotators.length === 0 || filter.annotators.includes(a.annotator)),
  )
  if (annotations.length === 0) return null
  const kept = new Set(annotations.map((a) => a.id))
  const relations = bundle.relations.filter((r) => kept.has(r.from) && kept.has(r.to))
  return { ...bundle, annotations, relations }
}

/** The filter in words, for the dialog ("status done; tags a, b"); '' when it is empty. */
export function describeFilter(filter: ExportFilter): string {
  const parts: string[] = []
  if (filter.statuses.length > 0) parts.push(`status ${filter.statuses.join(' or ')}`)
  if (filter.tags.length > 0) parts.push(`tagged ${filter.tags.join(' or ')}`)
  if (filter.labels.length > 0) parts.push(`spans labelled ${filter.labels.join(' or ')}`)
  if (filter.annotators.length > 0) parts.push(`spans by ${filter.annotators.join(' or ')}`)
  return parts.join('; ')
}
