/**
 * W3C Web Annotation (JSON-LD, FORMATS.md): an AnnotationCollection whose page holds one
 * annotation per span, with both a TextQuoteSelector (exact text, 32 characters of context each
 * side) and a TextPositionSelector, so tools that count offsets differently can still anchor it.
 * Positions are UTF-16 code units, as DOM-based tools (Recogito, Hypothesis) emit them; the
 * collection says so. The trace's tags are one `classifying` annotation of the whole text.
 */
import type { TraceBundle } from '../tracemark-schema'
import type { ExportWriter } from './export-format'
import { reasoningSpans } from './labelled-spans'

const CONTEXT = 32
export const W3C_OFFSET_UNIT = 'tracemark:offsetUnit'

/** The source of a trace's reasoning: its dataset and key, URL-encoded. */
export function traceSource(bundle: TraceBundle): string {
  const part = encodeURIComponent
  return `urn:tracemark:${part(bundle.dataset.name)}:${part(bundle.trace.key)}#reasoning`
}

export function toWebAnnotations(bundle: TraceBundle): Record<string, unknown>[] {
  const text = bundle.texts.reasoning
  const source = traceSource(bundle)
  const spans = reasoningSpans(bundle).map((s) => {
    const a = s.annotation
    const body: Record<string, unknown>[] = [
      { type: 'TextualBody', purpose: 'tagging', value: a.label },
    ]
    if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note })
    return {
      id: `urn:uuid:${a.id}`,
      type: 'Annotation',
      motivation: 'tagging',
      creator: {
        id: `urn:tracemark:annotator:${encodeURIComponent(a.annotator)}`,
        name: a.annotator,
      },
      created: new Date(a.createdAt).toISOString(),
      modified: new Date(a.updatedAt).toISOString(),
      body,
      target: {
        source,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: a.quote,
            prefix: text.slice(Math.max(0, s.start - CONTEXT), s.start),
            suffix: text.slice(s.end, s.end + CONTEXT),
          },
          { type: 'TextPositionSelector', start: s.start, end: s.end },
        ],
      },
    }
  })
  if (bundle.trace.tags.length === 0) return spans
  const tags = {
    id: `urn:tracemark:tags:${encodeURIComponent(bundle.trace.id)}`,
    type: 'Annotation',
    motivation: 'classifying',
    body: bundle.trace.tags.map((value) => ({
      type: 'TextualBody',
      purpose: 'classifying',
      value,
    })),
    target: source,
  }
  return [...spans, tags]
}

export function webAnnotationWriter(): ExportWriter {
  let first = true
  const head = JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: 'Tracemark export',
    [W3C_OFFSET_UNIT]: 'utf16',
  }).slice(0, -1)
  return {
    add(bundle) {
      const items = toWebAnnotations(bundle).map((a) => JSON.stringify(a))
      if (items.length === 0) return []
      const opening = first ? `${head},"first":{"type":"AnnotationPage","items":[\n` : ',\n'
      first = false
      return [opening + items.join(',\n')]
    },
    finish: () => [first ? `${head},"first":{"type":"AnnotationPage","items":[]}}\n` : '\n]}}\n'],
  }
}
