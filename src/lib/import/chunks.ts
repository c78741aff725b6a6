/**
 * Chunk-per-record files (issue #9): a list of sentence-level chunks of ONE trace, as Thought
 * Anchors publishes them (`chunk`, `chunk_idx`, `function_tags`, `summary`, `depends_on` and
 * numeric scores). The chunks are put in index order and joined into one reasoning text; each
 * chunk's labels become spans over its sentence (several labels, several spans), its numbers and
 * other values the spans' attributes, its summary their note, and `depends_on` relations from a
 * chunk's span to the spans of the chunks it depends on. The chunks themselves stay in `extra`.
 */
import type { SourceRelation, SourceSpan } from './source-spans'
import type { FlatRecord } from './shapes'

/** Synthetic fields of the record rebuilt from chunks, which the field map then applies to. */
export const CHUNK_RECORD = {
  reasoning: 'chunks.reasoning',
  spans: 'chunks.spans',
  list: 'chunks',
} as const

/** Fields that hold a chunk's labels (a label or a list), in order of preference. */
const LABEL_FIELDS = ['function_tags', 'labels', 'tags', 'label', 'function_tag', 'category']
const NOTE_FIELDS = ['summary', 'note']
const DEPENDS_FIELDS = ['depends_on', 'dependencies']

export interface ChunkShape {
  text: string
  order: string
}

/**
 * One record standing for the whole trace: the joined text, the spans (in source-spans.ts's
 * list form, offsets into the joined text, so the usual span import places them), the chunks,
 * and every field whose value is the same in all chunks (a problem id, a model).
 */
export function assembleChunks(chunks: FlatRecord[], shape: ChunkShape): FlatRecord {
  const ordered = chunks
    .map((c, i) => ({ c, at: Number(c[shape.order] ?? i) }))
    .sort((a, b) => a.at - b.at)
  let text = ''
  const spans: Record<string, unknown>[] = []
  for (const { c, at } of ordered) {
    const piece = String(c[shape.text] ?? '')
    if (text !== '' && !/\s$/.test(text) && !/^\s/.test(piece)) text += ' '
    const start = text.length + (piece.length - piece.trimStart().length)
    text += piece
    const end = text.trimEnd().length
    const labels = labelsOf(c)
    if (labels.length === 0 || end <= start) continue
    const noteField = NOTE_FIELDS.find((f) => typeof c[f] === 'string')
    const reserved = new Set([shape.text, ...LABEL_FIELDS, ...(noteField ? [noteField] : [])])
    const attributes = Object.fromEntries(Object.entries(c).filter(([k]) => !reserved.has(k)))
    spans.push({
      ...attributes,
      [shape.order]: at,
      start,
      end,
      labels,
      note: noteField ? c[noteField] : '',
    })
  }
  return {
    ...commonFields(chunks, shape),
    [CHUNK_RECORD.reasoning]: text,
    [CHUNK_RECORD.spans]: spans,
    [CHUNK_RECORD.list]: chunks,
  }
}

/** `depends_on` links between the spans of chunks, by the chunks' indices. */
export function chunkRelations(spans: SourceSpan[], shape: ChunkShape): SourceRelation[] {
  const firstSpanOf = new Map<number, number>()
  spans.forEach((s, i) => {
    const at = Number(s.attributes?.[shape.order])
    if (!firstSpanOf.has(at)) firstSpanOf.set(at, i)
  })
  const relations: SourceRelation[] = []
  for (const [at, from] of firstSpanOf) {
    const attributes = spans[from]!.attributes ?? {}
    const field = DEPENDS_FIELDS.find((f) => Array.isArray(attributes[f]))
    if (!field) continue
    for (const dependency of attributes[field] as unknown[]) {
      const to = firstSpanOf.get(Number(dependency))
      if (to !== undefined && Number(dependency) !== at)
        relations.push({ from, to, label: 'depends-on' })
    }
  }
  return relations
}

function labelsOf(chunk: FlatRecord): string[] {
  for (const f of LABEL_FIELDS) {
    const v = chunk[f]
    if (typeof v === 'string' && v !== '') return [v]
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x !== '')
  }
  return []
}

function commonFields(chunks: FlatRecord[], shape: ChunkShape): FlatRecord {
  const first = chunks[0] ?? {}
  const common: FlatRecord = {}
  for (const [k, v] of Object.entries(first)) {
    if (k === shape.text || k === shape.order) continue
    if (v === null || typeof v === 'object') continue
    if (chunks.length > 1 && chunks.every((c) => c[k] === v)) common[k] = v
  }
  return common
}
