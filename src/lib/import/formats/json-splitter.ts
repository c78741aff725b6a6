/**
 * A streaming splitter for one JSON document: fed decoded text chunks, it tracks nesting,
 * strings and escapes, and cuts the content of one container (the root, or the first container
 * opened at a given depth) into item texts at its top-level commas. Items are left to JSON.parse,
 * so a bad item is one bad record; only the structure (brackets, strings, what surrounds the
 * root) is checked here. Memory holds one item at a time, never the document.
 */
export interface TextPosition {
  /** 0-based character offset. */
  offset: number
  /** 1-based line and column. */
  line: number
  column: number
}

export interface JsonItem {
  /** The item's text, with surrounding whitespace; '' for a stray comma. */
  text: string
  /** Where its first character is (the separator for an empty item). */
  start: TextPosition
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly problem: string,
    readonly position: TextPosition,
    readonly snippet: string,
  ) {
    super(`${problem} at ${describePosition(position)} near ${JSON.stringify(snippet)}`)
  }
}

export function describePosition({ line, column, offset }: TextPosition): string {
  return `line ${line}, column ${column} (character ${offset + 1})`
}

export interface SplitterInit {
  /** Depth of the container whose items are cut: 1 for the root; 2 for an array in the root. */
  itemDepth: number
  /** Containers already open where the text starts (e.g. '{' when starting inside the root). */
  open?: string
  /** Position of the first character fed. */
  start?: TextPosition
}

const OPEN_OBJECT = 0x7b
const OPEN_ARRAY = 0x5b

export class JsonSplitter {
  /** The root container: '{' or '[' once seen. */
  rootType: '{' | '[' | null = null
  rootStart: TextPosition | null = null
  rootEnd: TextPosition | null = null
  /** The first non-space character after the root, if any: the splitter stops there. */
  trailing: TextPosition | null = null
  /** Text from the trailing character to the end of the chunk that held it. */
  rest = ''

  private readonly itemDepth: number
  private readonly stack: number[] = []
  private inString = false
  private escaped = false
  private base = 0
  private line = 1
  private lineStart = 0
  private target: 'waiting' | 'open' | 'done' = 'waiting'
  private pieces: string[] = []
  private captureFrom = -1
  private captureOffset = 0
  private itemStart: TextPosition | null = null
  private itemsInTarget = 0
  private chunk = ''
  /** The end of the previous chunk, for snippets near a chunk start. */
  private previous = ''

  constructor(init: SplitterInit) {
    this.itemDepth = init.itemDepth
    for (const c of init.open ?? '') this.stack.push(c.charCodeAt(0))
    if (this.stack.length > 0) this.rootType = init.open![0] as '{' | '['
    if (init.start) {
      this.base = init.start.offset
      this.line = init.start.line
      this.lineStart = init.start.offset - init.start.column + 1
    }
  }

  get closed(): boolean {
    return this.rootEnd !== null
  }

  /** The item being read, if any: its text so far and the offset where it began. */
  currentItem(): { text: string; offset: number } | null {
    if (this.captureFrom < 0) return null
    return {
      text: this.pieces.join('') + this.chunk.slice(this.captureFrom),
      offset: this.captureOffset,
    }
  }

  push(chunk: string): JsonItem[] {
    if (this.trailing) return []
    this.previous = (this.previous + this.chunk).slice(-30)
    this.chunk = chunk
    const items: JsonItem[] = []
    const n = chunk.length
    let i = 0
    while (i < n) {
      if (this.inString) {
        i = this.skipString(chunk, i)
        continue
      }
      const c = chunk.charCodeAt(i)
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        i++
        continue
      }
      if (c === 0x0a) {
        this.newline(i)
        i++
        continue
      }
      const depth = this.stack.length
      if (depth === 0) {
        if (this.rootEnd) {
          this.trailing = this.position(i)
          this.rest = chunk.slice(i)
          break
        }
        if (c !== OPEN_OBJECT && c !== OPEN_ARRAY) {
          throw this.error('expected [ or { (an array or object of records)', i)
        }
        this.rootType = c === OPEN_OBJECT ? '{' : '['
        this.rootStart = this.position(i)
      }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (depth + 1 === this.itemDepth && this.target === 'waiting') {
          this.target = 'open'
          this.beginItem(i + 1)
        } else this.markItem(i)
        this.stack.push(c)
      } else if (c === 0x7d || c === 0x5d) {
        const opener = c === 0x7d ? OPEN_OBJECT : OPEN_ARRAY
        if (this.stack.at(-1) !== opener) throw this.error(`unexpected ${chunk[i]}`, i)
        if (depth === this.itemDepth && this.target === 'open') {
          this.endItem(i, true, items)
          this.target = 'done'
        }
        this.stack.pop()
        if (this.stack.length === 0) this.rootEnd = this.position(i)
      } else if (c === 0x2c && depth === this.itemDepth && this.target === 'open') {
        this.endItem(i, false, items)
        this.beginItem(i + 1)
      } else {
        this.markItem(i)
        if (c === 0x22) this.inString = true
      }
      i++
    }
    if (this.captureFrom >= 0) {
      this.pieces.push(chunk.slice(this.captureFrom))
      this.captureFrom = 0
    }
    this.base += n
    return items
  }

  /** Checks that the text did not end inside the document. */
  finish(): void {
    const end = this.chunk.length
    if (this.rootType === null) {
      throw this.error('no JSON value (the text is empty or only whitespace)', end, true)
    }
    if (this.inString) throw this.error('the text ends inside a string (truncated?)', end, true)
    if (this.stack.length > 0) {
      const what = this.stack.at(-1) === OPEN_OBJECT ? 'an object' : 'an array'
      throw this.error(`the text ends inside ${what} (truncated?)`, end, true)
    }
  }

  /** An error at index `i` of the current chunk (or, `atEnd`, at the end of the text). */
  error(problem: string, i: number, atEnd = false): JsonSyntaxError {
    const base = atEnd ? this.base - this.chunk.length : this.base
    const offset = base + i
    const position = { offset, line: this.line, column: offset - this.lineStart + 1 }
    const around = this.previous + this.chunk
    const at = this.previous.length + i
    const snippet = around.slice(Math.max(0, at - 30), at + 30)
    return new JsonSyntaxError(problem, position, snippet)
  }

  /**
   * Skips string content from `i`: finds the next quote with indexOf and counts the backslashes
   * before it (escapes cost nothing unless next to a quote). Returns the index after the
   * closing quote, or the chunk length, remembering an escape left open at the chunk end.
   */
  private skipString(chunk: string, i: number): number {
    let from = i
    if (this.escaped) {
      this.escaped = false
      from += 1
    }
    for (let q = chunk.indexOf('"', from); q >= 0; q = chunk.indexOf('"', q + 1)) {
      if (backslashesBefore(chunk, q, from) % 2 === 0) {
        this.inString = false
        return q + 1
      }
    }
    this.escaped = backslashesBefore(chunk, chunk.length, from) % 2 === 1
    return chunk.length
  }

  private position(i: number): TextPosition {
    const offset = this.base + i
    return { offset, line: this.line, column: offset - this.lineStart + 1 }
  }

  private newline(i: number): void {
    this.line += 1
    this.lineStart = this.base + i + 1
  }

  private beginItem(from: number): void {
    this.pieces = []
    this.captureFrom = from
    this.captureOffset = this.base + from
    this.itemStart = null
  }

  private markItem(i: number): void {
    if (this.captureFrom >= 0 && this.itemStart === null) this.itemStart = this.position(i)
  }

  private endItem(i: number, last: boolean, items: JsonItem[]): void {
    const text = this.pieces.join('') + this.chunk.slice(this.captureFrom, i)
    this.pieces = []
    this.captureFrom = -1
    const empty = this.itemStart === null
    // `[]` has no item; `[1,]` and `[,1]` have an empty one (a stray comma).
    if (empty && last && this.itemsInTarget === 0) return
    this.itemsInTarget += 1
    items.push({ text: empty ? '' : text, start: this.itemStart ?? this.position(i) })
  }
}

/** Backslashes right before index `end`, not looking before `from`. */
function backslashesBefore(text: string, end: number, from: number): number {
  let count = 0
  while (end - count - 1 >= from && text.charCodeAt(end - count - 1) === 0x5c) count++
  return count
}
