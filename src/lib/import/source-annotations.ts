/**
 * The span annotations and relations a source brings (source-spans.ts, chunks.ts) as the rows
 * the database keeps: origin `imported` (DESIGN section 2's enum: they were neither drawn by
 * hand nor suggested by a lexicon), annotator named after the source file.
 */
import type { Annotation, Relation, TextField } from '../traces/trace-model'
import type { NormalisedTrace } from './normalise-record'

type Texts = Record<TextField, string>

export function sourceAnnotations(
  n: Pick<NormalisedTrace, 'spans' | 'relations'> & Texts,
  traceId: string,
  annotator: string,
  now: number,
): { annotations: Annotation[]; relations: Relation[] } {
  const annotations = n.spans.map((s, i): Annotation => ({
    id: `${traceId}/src${i}`,
    traceId,
    field: s.field,
    start: s.start,
    end: s.end,
    quote: n[s.field].slice(s.start, s.end),
    label: s.label,
    note: s.note,
    annotator,
    origin: 'imported',
    rejected: false,
    createdAt: now,
    updatedAt: now,
    ...(s.attributes ? { attributes: s.attributes } : {}),
  }))
  const relations = n.relations.flatMap((r, i): Relation[] => {
    const from = annotations[r.from]
    const to = annotations[r.to]
    return from && to
      ? [{ id: `${traceId}/rel${i}`, traceId, from: from.id, to: to.id, label: r.label, annotator }]
      : []
  })
  return { annotations, relations }
}
