/**
 * Record shapes of real datasets (DESIGN section 3) beyond flat fields, turned into flat records
 * that the field map then applies to:
 * - chat: OpenAI `messages: [{role, content}]`, ShareGPT `conversations: [{from, value}]`, or a
 *   conversation split over several such fields (`prompt` + `completion`): the last assistant
 *   turn holds the reasoning (its `reasoning_content`, or thought markers in its content); the
 *   user turn before it is the problem. The conversation itself stays in `extra`.
 * - generations: a list of model outputs in one field (OpenR1's `generations`, SkyThought's
 *   `code`), with parallel lists (`correctness_*`, `score`, `pred`): one flat record per element,
 *   each parallel list replaced by its element.
 * - nested responses: an object of responses keyed by, say, sampling temperature: one flat
 *   record per entry, the entry's key as its part. Such an object is the traces even beside a
 *   long `prompt` with thought markers (issue #9): a prompt is context.
 * - chunks: every record is one sentence-level chunk of ONE trace (Thought Anchors): the chunks
 *   are rebuilt into a trace by chunks.ts, not flattened here.
 */
import { FIELD_CANDIDATES } from './detect-fields'

export type FlatRecord = Record<string, unknown>

export type RecordShape =
  | { kind: 'flat' }
  | { kind: 'chat'; fields: string[]; eachTurn?: boolean }
  | { kind: 'generations'; field: string }
  | { kind: 'nested'; field: string }
  | { kind: 'chunks'; text: string; order: string }

/** Synthetic field names a chat record is flattened into. */
export const CHAT_FIELDS = {
  problem: 'chat.problem',
  reasoning: 'chat.reasoning',
  answer: 'chat.answer',
  system: 'chat.system',
} as const

/**
 * Which part of its source record a flat record is (a generation's index, a response's key):
 * appended to the trace key as `key#part`, so keys stay unique and stable.
 */
export const PART_FIELD = 'tracemark.part'

/** Lists that are one trace in pieces, joined rather than split (DESIGN section 3). */
const JOINED_LISTS = new Set(['thinking_trajectories'])

export function describeShape(shape: RecordShape): string {
  switch (shape.kind) {
    case 'flat':
      return 'one trace per record'
    case 'chat':
      return shape.eachTurn
        ? `chat (${shape.fields.join(' + ')}): one trace per assistant turn`
        : `chat (${shape.fields.join(' + ')}): the last assistant turn is the trace`
    case 'generations':
      return `one trace per element of the list "${shape.field}"`
    case 'nested':
      return `one trace per entry of the object "${shape.field}"`
    case 'chunks':
      return `chunks of one trace: "${shape.text}" in "${shape.order}" order, labels as spans`
  }
}

/** Chunk-per-record files: a text field and its index (Thought Anchors' `chunk`, `chunk_idx`). */
const CHUNK_FIELDS: [text: string, order: string][] = [
  ['chunk', 'chunk_idx'],
  ['chunk', 'chunk_index'],
  ['sentence', 'sentence_idx'],
  ['sentence', 'sentence_index'],
]

/**
 * Every shape the sample records can reasonably be read as, the detected one first: what the
 * preview offers to choose from (issue #9: a preview never refuses a mapping the user can want).
 */
export function shapeChoices(samples: FlatRecord[]): RecordShape[] {
  const detected = detectShape(samples)
  const names = [...new Set(samples.flatMap(Object.keys))]
  const choices: RecordShape[] = [detected, { kind: 'flat' }]
  const chat = names.filter((n) => mostly(samples, n, isConversation))
  if (chat.length > 0) {
    choices.push({ kind: 'chat', fields: chat }, { kind: 'chat', fields: chat, eachTurn: true })
  }
  for (const n of names) {
    if (mostly(samples, n, (v) => Array.isArray(v) && v.length > 0 && !isConversation(v)))
      choices.push({ kind: 'generations', field: n })
    if (mostly(samples, n, isObjectMap)) choices.push({ kind: 'nested', field: n })
  }
  for (const [text, order] of CHUNK_FIELDS)
    if (mostly(samples, text, (v) => typeof v === 'string') && names.includes(order))
      choices.push({ kind: 'chunks', text, order })
  const seen = new Set<string>()
  return choices.filter((c) => {
    const key = JSON.stringify(c)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export function detectShape(samples: FlatRecord[]): RecordShape {
  const names = [...new Set(samples.flatMap(Object.keys))]
  for (const [text, order] of CHUNK_FIELDS) {
    const chunks = mostly(samples, text, (v) => typeof v === 'string')
    if (chunks && mostly(samples, order, (v) => v !== '' && Number.isInteger(Number(v))))
      return { kind: 'chunks', text, order }
  }
  const chat = names.filter((n) => mostly(samples, n, isConversation))
  if (chat.length > 0) return { kind: 'chat', fields: chat }
  const named: readonly string[] = FIELD_CANDIDATES.reasoning
  const lists = names.filter(
    (n) => !JOINED_LISTS.has(n) && mostly(samples, n, (v) => isTextList(v) && v.length > 0),
  )
  const generations =
    lists.find((n) => named.includes(n) || n === 'generations') ??
    longest(
      samples,
      lists.filter((n) => !(FIELD_CANDIDATES.gold as readonly string[]).includes(n)),
    )
  if (generations && averageLength(samples, generations) >= 40) {
    return { kind: 'generations', field: generations }
  }
  // A response map is the traces unless the record names its own reasoning beside it.
  const reasoningNamed = names.some(
    (n) => named.includes(n) && mostly(samples, n, (v) => typeof v === 'string' && v.length >= 40),
  )
  const nested = names.find((n) => mostly(samples, n, isResponseMap))
  if (nested && !reasoningNamed) return { kind: 'nested', field: nested }
  return { kind: 'flat' }
}

/** The flat records one source record stands for, in order. */
export function flattenRecord(record: FlatRecord, shape: RecordShape): FlatRecord[] {
  switch (shape.kind) {
    case 'flat':
      return [record]
    case 'chat':
      return flattenChat(record, shape.fields, shape.eachTurn ?? false)
    case 'generations':
      return flattenGenerations(record, shape.field)
    case 'nested':
      return flattenNested(record, shape.field)
    case 'chunks':
      return [record]
  }
}

interface Turn {
  role: string
  content: string
  reasoning: string
}

function flattenChat(record: FlatRecord, fields: string[], eachTurn: boolean): FlatRecord[] {
  const turns = fields.flatMap((f) => (Array.isArray(record[f]) ? record[f].map(toTurn) : []))
  const assistants = turns.flatMap((t, i) => (t.role === 'assistant' ? [i] : []))
  if (!eachTurn || assistants.length < 2) return [chatTurn(record, turns, assistants.at(-1) ?? -1)]
  return assistants.map((at, n) => ({
    ...chatTurn(record, turns, at),
    [PART_FIELD]: `turn${n + 1}`,
  }))
}

/** The flat record of the assistant turn at `lastAssistant`, with the user turn before it. */
function chatTurn(record: FlatRecord, turns: Turn[], lastAssistant: number): FlatRecord {
  const assistant = turns[lastAssistant]
  const user = turns.slice(0, Math.max(lastAssistant, 0)).findLast((t) => t.role === 'user')
  const system = turns.find((t) => t.role === 'system')
  const flat: FlatRecord = { ...record }
  if (user) flat[CHAT_FIELDS.problem] = user.content
  if (system) flat[CHAT_FIELDS.system] = system.content
  if (assistant) {
    flat[CHAT_FIELDS.reasoning] = assistant.reasoning || assistant.content
    if (assistant.reasoning) flat[CHAT_FIELDS.answer] = assistant.content
  }
  return flat
}

function toTurn(message: unknown): Turn {
  const m = (message ?? {}) as Record<string, unknown>
  const role = String(m.role ?? m.from ?? '')
  const normalRole =
    role === 'human' ? 'user' : role === 'gpt' || role === 'model' ? 'assistant' : role
  return {
    role: normalRole,
    content: textOf(m.content ?? m.value),
    reasoning: textOf(m.reasoning_content ?? m.reasoning ?? m.thinking),
  }
}

/** Message content: a string, or a list of content parts (`{type: "text", text}`, reasoning parts). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (!Array.isArray(value)) return ''
  return value
    .map((part) => {
      if (typeof part === 'string') return part
      const p = (part ?? {}) as Record<string, unknown>
      return typeof p.text === 'string'
        ? p.text
        : typeof p.reasoning === 'string'
          ? p.reasoning
          : ''
    })
    .filter(Boolean)
    .join('\n\n')
}

function flattenGenerations(record: FlatRecord, field: string): FlatRecord[] {
  const list = record[field]
  if (!Array.isArray(list)) return [record]
  const n = list.length
  const parallel = Object.keys(record).filter(
    (k) => Array.isArray(record[k]) && (record[k] as unknown[]).length === n,
  )
  return list.map((_, i) => {
    const flat: FlatRecord = { ...record }
    for (const k of parallel) flat[k] = (record[k] as unknown[])[i]
    if (n > 1) flat[PART_FIELD] = String(i)
    return flat
  })
}

function flattenNested(record: FlatRecord, field: string): FlatRecord[] {
  const entries = Object.entries((record[field] ?? {}) as Record<string, unknown>)
  const rest = Object.fromEntries(Object.entries(record).filter(([k]) => k !== field))
  return entries.map(([key, value]) => {
    const flat: FlatRecord = { ...rest, [PART_FIELD]: key }
    if (typeof value === 'string') flat[`${field}.text`] = value
    else {
      for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) {
        flat[k in flat ? `${field}.${k}` : k] = v
      }
    }
    return flat
  })
}

function isConversation(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((m) => {
      if (typeof m !== 'object' || m === null) return false
      const r = m as Record<string, unknown>
      return ('role' in r && 'content' in r) || ('from' in r && 'value' in r)
    })
  )
}

function isObjectMap(v: unknown): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).length > 0 &&
    Object.values(v).every((x) => typeof x === 'object' && x !== null && !Array.isArray(x))
  )
}

function isTextList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string')
}

function isResponseMap(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const values = Object.values(v)
  return (
    values.length > 0 &&
    values.every(
      (x) =>
        (typeof x === 'string' && x.length >= 40) ||
        (typeof x === 'object' &&
          x !== null &&
          !Array.isArray(x) &&
          Object.values(x).some((y) => typeof y === 'string')),
    )
  )
}

function mostly(samples: FlatRecord[], name: string, accept: (v: unknown) => boolean) {
  const hits = samples.filter((r) => r[name] !== undefined && r[name] !== null && accept(r[name]))
  return hits.length > 0 && hits.length * 2 >= samples.length
}

function averageLength(samples: FlatRecord[], name: string): number {
  let total = 0
  let count = 0
  for (const r of samples) {
    const v = r[name]
    if (!isTextList(v)) continue
    for (const s of v) total += s.length
    count += v.length
  }
  return count ? total / count : 0
}

function longest(samples: FlatRecord[], names: string[]): string | undefined {
  let best: string | undefined
  let bestLength = 0
  for (const n of names) {
    const length = averageLength(samples, n)
    if (length > bestLength) [best, bestLength] = [n, length]
  }
  return best
}
