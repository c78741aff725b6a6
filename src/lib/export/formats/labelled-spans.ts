/**
 * The spans an interchange format carries, checked: labels (manual or imported spans; not
 * suggestions, not rejected ones) on the reasoning, the one text those formats hold, each with
 * its offsets in both units and its text. An orphaned span stops the export with an ExportError
 * naming trace and span (span-check.ts); it is never written with offsets into other text.
 */
import type { Annotation } from '../../traces/trace-model'
import { makeSpanChecker } from '../span-check'
import type { TraceBundle } from '../tracemark-schema'

export interface LabelledSpan {
  annotation: Annotation
  start: number
  end: number
  startCp: number
  endCp: number
}

export function isLabel(a: Annotation): boolean {
  return !a.rejected && a.origin !== 'suggestion'
}

export function isOpenSuggestion(a: Annotation): boolean {
  return !a.rejected && a.origin === 'suggestion'
}

/** The reasoning's spans that pass `keep`, in reading order, checked and in both units. */
export function reasoningSpans(
  bundle: TraceBundle,
  keep: (a: Annotation) => boolean = isLabel,
): LabelledSpan[] {
  const check = makeSpanChecker(bundle.trace.key, bundle.texts)
  return bundle.annotations
    .filter((a) => a.field === 'reasoning' && keep(a))
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1))
    .map((annotation) => ({ annotation, ...check(annotation) }))
}

/** The relations whose both ends are among `spans`. */
export function relationsBetween(bundle: TraceBundle, spans: LabelledSpan[]) {
  const ids = new Set(spans.map((s) => s.annotation.id))
  return bundle.relations.filter((r) => ids.has(r.from) && ids.has(r.to))
}
