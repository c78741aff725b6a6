/**
 * JSON documents, streamed: an array gives one record per element; an object holding an array
 * of objects (`{"version": 1, "data": [...]}`) gives that array's elements; an object keyed by id
 * or problem (every member an object) gives one record per member, with the key as `_key`; any
 * other object is one record (json-shapes.ts). An object is classified whole when it ends within
 * its first megabyte, else from the members seen by then, so a large keyed or holder file is
 * never held in memory.
 *
 * A file of several top-level values, the first on one line and the next on a later line, is
 * JSON Lines under the wrong name: it is read again from the start as JSON Lines. Any other text
 * after the document is a FormatError.
 */
import { decodeText, fileSource } from './byte-source'
import {
  classifyLargeObject,
  elementRecord,
  memberRecord,
  objectRecords,
  type ObjectShape,
  type RecordResult,
} from './json-shapes'
import {
  describePosition,
  JsonSplitter,
  JsonSyntaxError,
  type JsonItem,
  type TextPosition,
} from './json-splitter'
import { readJsonlSource } from './jsonl'
import { FormatError, type ByteSource, type OpenSource, type SourceRecord } from './source-record'

/** Characters of an object read before deciding its shape without seeing its end. */
export const PROBE_CHARS = 1 << 20
/** Largest object read as one record. */
export const MAX_OBJECT_CHARS = 256 << 20

export function readJson(
  file: Blob,
  fileName: string,
  signal?: AbortSignal,
): AsyncGenerator<SourceRecord> {
  return readJsonSource(() => fileSource(file), fileName, signal)
}

export async function* readJsonSource(
  open: OpenSource,
  fileName: string,
  signal?: AbortSignal,
  probeChars = PROBE_CHARS,
): AsyncGenerator<SourceRecord> {
  const source = open()
  const chunks = decodeText(source, fileName, signal)
  try {
    const root = new JsonSplitter({ itemDepth: 1 })
    const buffer: string[] = []
    let buffered = 0
    const members: JsonItem[] = []
    let shape: ObjectShape = { mode: 'single' }
    for (;;) {
      const next = await chunks.next()
      if (next.done) break
      const items = root.push(next.value)
      if (root.rootType === '[') {
        yield* streamItems(fileName, root, items, chunks, elementRecord, source)
        return
      }
      buffer.push(next.value)
      buffered += next.value.length
      members.push(...items)
      if (root.closed) break
      if (buffered > probeChars && shape.mode === 'single') {
        shape = classifyLargeObject(members, root.currentItem())
        if (shape.mode !== 'single') break
      }
      if (buffered > MAX_OBJECT_CHARS) {
        throw new FormatError(
          `${fileName}: a JSON object over ${MAX_OBJECT_CHARS >> 20} M characters holding no list of records`,
        )
      }
    }
    if (shape.mode !== 'single') {
      const text = buffer.join('')
      buffer.length = 0
      yield* replay(fileName, text, shape, chunks, source)
      return
    }
    // The whole object is in memory: see what follows it, then classify it whole.
    while (root.closed && !root.trailing) {
      const next = await chunks.next()
      if (next.done) break
      root.push(next.value)
    }
    root.finish()
    if (root.trailing) {
      if (!isJsonLines(root)) throw trailingError(fileName, root)
      await chunks.return(undefined)
      yield* readJsonlSource(open, fileName, signal)
      return
    }
    const text = buffer.join('')
    buffer.length = 0
    yield* objectRecords(parseWhole(fileName, text, members), source.bytesRead)
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      throw new FormatError(`${fileName}: not valid JSON: ${error.message}`, { cause: error })
    }
    throw error
  } finally {
    await chunks.return(undefined)
  }
}

/** A large keyed or holder object: its buffered start again, then the rest of the stream. */
function replay(
  fileName: string,
  text: string,
  shape: Exclude<ObjectShape, { mode: 'single' }>,
  chunks: AsyncGenerator<string>,
  source: ByteSource,
): AsyncGenerator<SourceRecord> {
  if (shape.mode === 'keyed') {
    const splitter = new JsonSplitter({ itemDepth: 1 })
    return streamItems(fileName, splitter, splitter.push(text), chunks, memberRecord, source)
  }
  const start = positionAt(text, shape.valueOffset)
  const splitter = new JsonSplitter({ itemDepth: 2, open: '{', start })
  const first = splitter.push(text.slice(shape.valueOffset))
  return streamItems(fileName, splitter, first, chunks, elementRecord, source)
}

/** The items of a splitter, fed first and then with the rest of the chunks, as records. */
async function* streamItems(
  fileName: string,
  splitter: JsonSplitter,
  first: JsonItem[],
  chunks: AsyncGenerator<string>,
  toRecord: (item: JsonItem, index: number) => RecordResult,
  source: ByteSource,
): AsyncGenerator<SourceRecord> {
  let index = 0
  let items = first
  for (;;) {
    for (const item of items) {
      index += 1
      yield { ...toRecord(item, index), bytesRead: source.bytesRead() }
    }
    if (splitter.trailing) break
    const next = await chunks.next()
    if (next.done) break
    items = splitter.push(next.value)
  }
  splitter.finish()
  if (splitter.trailing) throw trailingError(fileName, splitter)
}

function isJsonLines(root: JsonSplitter): boolean {
  const { rootStart, rootEnd, trailing } = root
  return (
    rootStart !== null &&
    rootEnd !== null &&
    trailing !== null &&
    rootStart.line === rootEnd.line &&
    trailing.line > rootEnd.line &&
    (root.rest.startsWith('{') || root.rest.startsWith('['))
  )
}

function trailingError(fileName: string, splitter: JsonSplitter): FormatError {
  const at = describePosition(splitter.trailing!)
  const near = JSON.stringify(splitter.rest.slice(0, 30))
  const second = splitter.rest.startsWith('{') || splitter.rest.startsWith('[')
  const what = second
    ? 'a second JSON value starts'
    : 'unexpected text after the end of the JSON value'
  return new FormatError(`${fileName}: not valid JSON: ${what} at ${at} near ${near}`)
}

/**
 * JSON.parse of an object read whole. Its error names a position when V8 gives one; else the
 * first member that does not parse on its own is named.
 */
function parseWhole(fileName: string, text: string, members: JsonItem[]): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN)
    const bad = members.find((member) => !parsesAsMember(member.text))
    const at = Number.isNaN(offset) ? bad?.start : positionAt(text, offset)
    const where = at
      ? ` at ${describePosition(at)} near ${JSON.stringify(text.slice(Math.max(0, at.offset - 30), at.offset + 30))}`
      : ''
    throw new FormatError(`${fileName}: not valid JSON${where} (${message})`, { cause: error })
  }
}

function parsesAsMember(text: string): boolean {
  try {
    JSON.parse(`{${text}}`)
    return true
  } catch {
    return false
  }
}

/** Line and column of a character offset of `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1
    lineStart = i + 1
  }
  return { offset, line, column: offset - lineStart + 1 }
}
