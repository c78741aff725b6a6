/**
 * brat standoff (FORMATS.md), zipped with fflate: per trace a `.txt` (the reasoning) and an
 * `.ann` with one `T` line per span (offsets in code points, as brat's Python server counts;
 * a span across line breaks becomes fragments, since brat's covered text is one line),
 * `R` lines for relations and `#` AnnotatorNotes for notes; plus `annotation.conf`.
 * Streamed: each trace's files are compressed as they come.
 */
import { strToU8, Zip, ZipDeflate } from 'fflate'
import type { TraceBundle } from '../tracemark-schema'
import type { ExportWriter } from './export-format'
import { reasoningSpans, relationsBetween } from './labelled-spans'

/** brat type names are one token: white space becomes `_`. */
export function bratType(label: string): string {
  return label.replace(/\s+/g, '_') || '_'
}

/** A file-system safe, unique base name for a trace's files. */
export function bratBaseName(bundle: TraceBundle, index: number): string {
  const key = bundle.trace.key.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80)
  return `${String(index).padStart(6, '0')}-${key}`
}

/** Code-point fragments of [start, end) that hold no line break. */
function fragments(points: string[], start: number, end: number): [number, number][] {
  const out: [number, number][] = []
  let from = start
  for (let i = start; i <= end; i++) {
    if (i === end || points[i] === '\n') {
      if (i > from) out.push([from, i])
      from = i + 1
    }
  }
  // Only line breaks (or empty): an empty span where it starts, as brat cannot hold them.
  return out.length > 0 ? out : [[start, start]]
}

export function toBratAnn(bundle: TraceBundle): string {
  const spans = reasoningSpans(bundle)
  const points = [...bundle.texts.reasoning]
  const tOf = new Map<string, string>()
  const lines: string[] = []
  let notes = 0
  spans.forEach((s, i) => {
    const t = `T${i + 1}`
    tOf.set(s.annotation.id, t)
    const parts = fragments(points, s.startCp, s.endCp)
    const where = parts.map(([a, b]) => `${a} ${b}`).join(';')
    const covered = parts.map(([a, b]) => points.slice(a, b).join('')).join(' ')
    lines.push(`${t}\t${bratType(s.annotation.label)} ${where}\t${covered}`)
    const note = [s.annotation.note, `annotator: ${s.annotation.annotator}`].filter(Boolean)
    notes += 1
    lines.push(`#${notes}\tAnnotatorNotes ${t}\t${note.join(' | ').replace(/\s+/g, ' ')}`)
  })
  relationsBetween(bundle, spans).forEach((r, i) => {
    lines.push(`R${i + 1}\t${bratType(r.label)} Arg1:${tOf.get(r.from)} Arg2:${tOf.get(r.to)}`)
  })
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

export function bratConf(labels: string[], relations: string[]): string {
  return [
    '[entities]',
    ...labels.map(bratType),
    '',
    '[relations]',
    ...relations.map((r) => `${bratType(r)}\tArg1:<ENTITY>, Arg2:<ENTITY>`),
    '',
    '[events]',
    '',
    '[attributes]',
    '',
  ].join('\n')
}

export function bratWriter(): ExportWriter {
  let chunks: Uint8Array[] = []
  const zip = new Zip((error, chunk) => {
    if (error) throw error
    chunks.push(chunk)
  })
  const put = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 })
    zip.add(file)
    file.push(strToU8(text), true)
  }
  const take = (): BlobPart[] => {
    const out = chunks
    chunks = []
    return out as BlobPart[]
  }
  const labels = new Set<string>()
  const relations = new Set<string>()
  let index = 0
  return {
    add(bundle) {
      index += 1
      const base = bratBaseName(bundle, index)
      for (const s of reasoningSpans(bundle)) labels.add(s.annotation.label)
      for (const r of bundle.relations) relations.add(r.label)
      put(`${base}.txt`, bundle.texts.reasoning)
      put(`${base}.ann`, toBratAnn(bundle))
      return take()
    },
    finish() {
      put('annotation.conf', bratConf([...labels].sort(), [...relations].sort()))
      zip.end()
      return take()
    },
  }
}
