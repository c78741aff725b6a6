/**
 * How a JSON object document becomes records (see json.ts): keyed by id or problem, holding an
 * array of records, or one record. Also turns the splitter's item texts into records.
 */
import type { JsonItem } from './json-splitter'
import type { RecordLocation, SourceRecord } from './source-record'

export type RecordResult =
  | { ok: true; record: unknown; location: RecordLocation }
  | { ok: false; reason: string; location: RecordLocation }

export type ObjectShape =
  { mode: 'keyed' } | { mode: 'holder'; key: string; valueOffset: number } | { mode: 'single' }

/**
 * Arrays of objects under these names are parts of one record (chat turns), not a list of
 * records: `{"id": 1, "messages": [{...}]}` is one conversation.
 */
const RECORD_PART_KEYS = new Set([
  'messages',
  'conversation',
  'conversations',
  'turns',
  'dialog',
  'dialogue',
  'chat',
  'history',
  'prompt',
  'completion',
  'chosen',
  'rejected',
])
/** A string member this long is record content (a problem, a trace), not file metadata. */
const LONG_TEXT = 200

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const describeType = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`

/** The records of an object read whole. */
export function* objectRecords(
  value: Record<string, unknown>,
  bytesRead: () => number,
): Generator<SourceRecord> {
  const entries = Object.entries(value)
  if (entries.length === 0) return
  if (entries.every(([, member]) => isPlainObject(member))) {
    let index = 0
    for (const [key, member] of entries) {
      index += 1
      yield { ...keyedRecord(key, member, index), bytesRead: bytesRead() }
    }
    return
  }
  const hasLongText = entries.some(([, member]) => isLongText(member))
  const holder = hasLongText ? undefined : entries.find(([key, member]) => isHolder(key, member))
  if (holder) {
    const elements = holder[1] as unknown[]
    for (let i = 0; i < elements.length; i++) {
      const location = { kind: 'element', index: i + 1 } as const
      yield { ok: true, record: elements[i], location, bytesRead: bytesRead() }
    }
    return
  }
  yield { ok: true, record: value, location: { kind: 'element', index: 1 }, bytesRead: bytesRead() }
}

function isHolder(key: string, member: unknown): boolean {
  return (
    !RECORD_PART_KEYS.has(key) &&
    Array.isArray(member) &&
    member.length > 0 &&
    member.every(isPlainObject)
  )
}

const isLongText = (value: unknown) => typeof value === 'string' && value.length >= LONG_TEXT

const MEMBER_HEAD = /^\s*("(?:[^"\\]|\\.)*")\s*:\s*/

/**
 * The shape of an object too large to read whole, from its complete members and the start of
 * the member being read: keyed if the members so far are objects; a holder if the large member
 * is an array of objects; else one record.
 */
export function classifyLargeObject(
  members: JsonItem[],
  current: { text: string; offset: number } | null,
): ObjectShape {
  const parsed = members.map((item) => parseMember(item.text))
  const head = current ? MEMBER_HEAD.exec(current.text) : null
  const valueText = head && current ? current.text.slice(head[0].length) : ''
  const completeObjects = parsed.every((m) => m !== null && isPlainObject(m.value))
  if (completeObjects && (parsed.length > 0 || valueText.startsWith('{'))) {
    if (!head || valueText.startsWith('{')) return { mode: 'keyed' }
  }
  if (
    head &&
    current &&
    valueText.startsWith('[') &&
    valueText.slice(1).trimStart().startsWith('{')
  ) {
    const key = JSON.parse(head[1]!) as string
    const longText = parsed.some((m) => m !== null && isLongText(m.value))
    if (!RECORD_PART_KEYS.has(key) && !longText) {
      return { mode: 'holder', key, valueOffset: current.offset + head[0].length }
    }
  }
  return { mode: 'single' }
}

function parseMember(text: string): { key: string; value: unknown } | null {
  try {
    const entries = Object.entries(JSON.parse(`{${text}}`) as Record<string, unknown>)
    if (entries.length !== 1) return null
    const [key, value] = entries[0]!
    return { key, value }
  } catch {
    return null
  }
}

function keyedRecord(key: string, value: unknown, index: number): RecordResult {
  const location = { kind: 'key', index, key } as const
  if (!isPlainObject(value)) {
    const reason = `the value of key ${JSON.stringify(key)} is ${describeType(value)}, not an object`
    return { ok: false, reason, location }
  }
  return { ok: true, record: { _key: key, ...value }, location }
}

/** An element of a streamed array. */
export function elementRecord(item: JsonItem, index: number): RecordResult {
  const location = { kind: 'element', index } as const
  if (item.text === '') {
    return {
      ok: false,
      reason: `empty element (a stray comma at line ${item.start.line})`,
      location,
    }
  }
  try {
    return { ok: true, record: JSON.parse(item.text), location }
  } catch (error) {
    return { ok: false, reason: invalid(error, item), location }
  }
}

/** A member of a streamed object keyed by id or problem. */
export function memberRecord(item: JsonItem, index: number): RecordResult {
  if (item.text === '') {
    const reason = `empty member (a stray comma at line ${item.start.line})`
    return { ok: false, reason, location: { kind: 'key', index } }
  }
  const member = parseMember(item.text)
  if (member) return keyedRecord(member.key, member.value, index)
  const head = MEMBER_HEAD.exec(item.text)
  let key: string | undefined
  try {
    key = head ? (JSON.parse(head[1]!) as string) : undefined
  } catch {
    key = undefined
  }
  let reason = `invalid JSON member at line ${item.start.line}`
  try {
    JSON.parse(`{${item.text}}`)
  } catch (error) {
    reason = invalid(error, item)
  }
  return { ok: false, reason, location: { kind: 'key', index, key } }
}

function invalid(error: unknown, item: JsonItem): string {
  const message = error instanceof Error ? error.message : String(error)
  return `invalid JSON at line ${item.start.line}: ${message}`
}
