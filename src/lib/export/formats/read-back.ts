/**
 * Readers of the interchange formats' spans, back in UTF-16 offsets into the reasoning: what the
 * round-trip tests compare with what was exported, and what the doccano and Label Studio
 * importers build on. Each reader checks that its offsets select the span's text.
 */
import { unzipSync } from 'fflate'
import { parquetReadObjects } from 'hyparquet'
import { makeOffsetConverter } from '../../text/offsets'
import { LS_NOTE, LS_SPAN } from './label-studio'

export interface ReadSpan {
  start: number
  end: number
  label: string
  text: string
  annotator?: string
  note?: string
}

export interface ReadTrace {
  key: string
  text: string
  spans: ReadSpan[]
  tags?: string[]
}

/** Code points to UTF-16, failing when the span's text is not what the offsets select. */
function fromCodePoints(text: string, start: number, end: number): [number, number] {
  const c = makeOffsetConverter(text)
  return [c.toUtf16(start), c.toUtf16(end)]
}

function checked(text: string, span: ReadSpan): ReadSpan {
  const found = text.slice(span.start, span.end)
  if (found !== span.text) {
    throw new Error(
      `span ${span.start}..${span.end} selects ${JSON.stringify(found)}, not ${JSON.stringify(span.text)}`,
    )
  }
  return span
}

const lines = (file: string) =>
  file
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

interface DoccanoMeta {
  id: string
  tags: string[]
  spans: { text: string; annotator: string; note: string }[]
}

export function readDoccano(file: string): ReadTrace[] {
  return lines(file).map((line) => {
    const text = line.text as string
    const meta = line as unknown as DoccanoMeta
    const raw: [number, number, string][] = Array.isArray(line.label)
      ? (line.label as [number, number, string][])
      : (line.entities as { start_offset: number; end_offset: number; label: string }[]).map(
          (e) => [e.start_offset, e.end_offset, e.label],
        )
    const spans = raw.map(([start, end, label], i) =>
      checked(text, {
        start,
        end,
        label,
        text: meta.spans?.[i]?.text ?? text.slice(start, end),
        annotator: meta.spans?.[i]?.annotator,
        note: meta.spans?.[i]?.note,
      }),
    )
    return { key: String(meta.id), text, spans, tags: meta.tags }
  })
}

interface LsResult {
  id: string
  type: string
  from_name: string
  value: {
    start: number
    end: number
    text: string | string[]
    labels?: string[]
    choices?: string[]
  }
}
interface LsTask {
  data: { text: string; key: string }
  annotations: { annotator?: string; result: LsResult[] }[]
}

export function readLabelStudio(file: string): ReadTrace[] {
  return (JSON.parse(file) as LsTask[]).map((task) => {
    const text = task.data.text
    const spans: ReadSpan[] = []
    let tags: string[] = []
    for (const annotation of task.annotations) {
      const notes = new Map(
        annotation.result
          .filter((r) => r.from_name === LS_NOTE)
          .map((r) => [r.id, (r.value.text as string[]).join('\n')]),
      )
      for (const r of annotation.result) {
        if (r.type === 'choices') tags = r.value.choices ?? []
        if (r.type !== 'labels' || r.from_name !== LS_SPAN) continue
        for (const label of r.value.labels ?? []) {
          spans.push(
            checked(text, {
              start: r.value.start,
              end: r.value.end,
              label,
              text: r.value.text as string,
              annotator: annotation.annotator,
              note: notes.get(r.id) ?? '',
            }),
          )
        }
      }
    }
    return { key: task.data.key, text, spans, tags }
  })
}

export function readSpacy(file: string): ReadTrace[] {
  return lines(file).map((line) => {
    const text = line.text as string
    const raw = line.spans as {
      start: number
      end: number
      label: string
      text: string
      annotator: string
    }[]
    const spans = raw.map((s) => {
      const [start, end] = fromCodePoints(text, s.start, s.end)
      return checked(text, { start, end, label: s.label, text: s.text, annotator: s.annotator })
    })
    const meta = line.meta as { id: string }
    return { key: meta.id, text, spans, tags: Object.keys(line.cats as object) }
  })
}

interface WebAnnotation {
  motivation: string
  creator: { name: string }
  body: { purpose: string; value: string }[]
  target: {
    source: string
    selector: [{ exact: string }, { start: number; end: number }]
  }
}

/** W3C annotations carry no text: spans come back per source, checked against `texts`. */
export function readWebAnnotations(
  file: string,
  texts: Map<string, string>,
): Map<string, ReadSpan[]> {
  const doc = JSON.parse(file) as { first: { items: WebAnnotation[] } }
  const out = new Map<string, ReadSpan[]>()
  for (const item of doc.first.items) {
    if (item.motivation !== 'tagging') continue
    const source = item.target.source as string
    const [quote, position] = item.target.selector
    const label = item.body.find((b) => b.purpose === 'tagging')?.value ?? ''
    const note = item.body.find((b) => b.purpose === 'commenting')?.value ?? ''
    const span = {
      start: position.start,
      end: position.end,
      label,
      text: quote.exact,
      annotator: item.creator.name,
      note,
    }
    const list = out.get(source) ?? []
    list.push(checked(texts.get(source) ?? '', span))
    out.set(source, list)
  }
  return out
}

/** brat's server reads the files as UTF-8 with Python, which keeps a leading U+FEFF. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })
const strFromU8 = (bytes: Uint8Array) => utf8.decode(bytes)

export function readBrat(zip: Uint8Array): ReadTrace[] {
  const files = unzipSync(zip)
  const names = Object.keys(files)
    .filter((n) => n.endsWith('.txt'))
    .sort()
  return names.map((name) => {
    const base = name.slice(0, -4)
    const text = strFromU8(files[name]!)
    const ann = strFromU8(files[`${base}.ann`]!)
    const notes = new Map<string, string>()
    for (const line of ann.split('\n')) {
      const m = /^#\d+\tAnnotatorNotes (T\d+)\t(.*)$/.exec(line)
      if (m) notes.set(m[1]!, m[2]!)
    }
    const points = [...text]
    const spans = ann
      .split('\n')
      .filter((l) => l.startsWith('T'))
      .map((line) => {
        const [t, typeAndPlace, covered] = line.split('\t') as [string, string, string]
        const [type, ...place] = typeAndPlace.split(' ')
        const parts = place
          .join(' ')
          .split(';')
          .map((p) => p.split(' ').map(Number) as [number, number])
        const joined = parts.map(([a, b]) => points.slice(a, b).join('')).join(' ')
        if (joined !== covered)
          throw new Error(
            `${t}: covered text ${JSON.stringify(covered)} is not ${JSON.stringify(joined)}`,
          )
        const [start, end] = fromCodePoints(text, parts[0]![0], parts.at(-1)![1])
        const annotator = /annotator: (.*)$/.exec(notes.get(t) ?? '')?.[1]
        return { start, end, label: type!, text: text.slice(start, end), annotator }
      })
    return { key: base.replace(/^\d+-/, ''), text, spans }
  })
}

interface ParquetRow {
  key: string
  reasoning: string
  problem?: string
  answer?: string
  tags: string[]
  spans: {
    field: 'problem' | 'reasoning' | 'answer'
    start: number
    end: number
    label: string
    text: string
    annotator: string
    note: string
  }[]
}

export async function readParquetExport(buffer: ArrayBuffer): Promise<ReadTrace[]> {
  const rows = (await parquetReadObjects({ file: buffer })) as ParquetRow[]
  return rows.map((row) => {
    const spans = row.spans.map((s) => {
      const text = row[s.field] ?? ''
      const [start, end] = fromCodePoints(text, s.start, s.end)
      return checked(text, {
        start,
        end,
        label: s.label,
        text: s.text,
        annotator: s.annotator,
        note: s.note,
      })
    })
    return { key: row.key, text: row.reasoning, spans, tags: row.tags }
  })
}
