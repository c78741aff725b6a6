/**
 * CSV and TSV with a header row, streamed through papaparse's low-level parser: each decoded
 * chunk is parsed with the last (maybe unfinished) row held back and parsed again with the next
 * chunk, so memory holds one chunk and one row. Values stay strings. A row with more or fewer
 * fields than the header is a bad record naming its data row and file line.
 */
import Papa from 'papaparse'
import { decodeText, fileSource } from './byte-source'
import { FormatError, type OpenSource, type SourceRecord } from './source-record'

export interface CsvOptions {
  /** ',' or '\t' and so on; guessed from the first chunk when absent. */
  delimiter?: string
}

const GUESSED_DELIMITERS = [',', '\t', ';', '|']
const SAMPLE_CHARS = 65536

export function readCsv(
  file: Blob,
  fileName: string,
  signal?: AbortSignal,
): AsyncGenerator<SourceRecord> {
  const delimiter = /\.(tsv|tab)$/i.test(fileName) ? '\t' : undefined
  return readCsvSource(() => fileSource(file), fileName, { delimiter }, signal)
}

export async function* readCsvSource(
  open: OpenSource,
  fileName: string,
  options: CsvOptions = {},
  signal?: AbortSignal,
): AsyncGenerator<SourceRecord> {
  const source = open()
  const rows = new CsvRows(fileName, options.delimiter)
  let header: string[] | null = null
  let index = 0
  for await (const chunk of decodeText(source, fileName, signal)) {
    for (const row of rows.push(chunk)) {
      if (!header) header = headerNames(row.fields)
      else if (!isBlank(row.fields)) yield toRecord(header, row, ++index, source.bytesRead())
    }
  }
  for (const row of rows.end()) {
    if (!header) header = headerNames(row.fields)
    else if (!isBlank(row.fields)) yield toRecord(header, row, ++index, source.bytesRead())
  }
}

/** What Papa.Parser passes to `step`: the row (as a one-row array), its errors, its end. */
interface ParserStep {
  data: string[][]
  errors: Papa.ParseError[]
  meta: { cursor: number }
}

interface CsvRow {
  fields: string[]
  /** 1-based line of the file where the row starts. */
  line: number
  error?: string
}

/** Splits text chunks into rows, tracking file lines; quoted fields may span chunks and lines. */
class CsvRows {
  private parser: Papa.Parser | null = null
  private carry = ''
  private pending = ''
  private newline = '\n'
  private line = 1

  constructor(
    private readonly fileName: string,
    private delimiter: string | undefined,
  ) {}

  push(chunk: string): CsvRow[] {
    this.pending += chunk
    // The line ending and the delimiter are guessed on the first 64 K characters.
    if (!this.parser && this.pending.length < SAMPLE_CHARS) return []
    // A row longer than the new text (a long quoted field): wait for more, to stay linear.
    if (this.pending.length < this.carry.length) return []
    const text = this.carry + this.pending
    this.pending = ''
    return this.parse(text, false)
  }

  end(): CsvRow[] {
    const text = this.carry + this.pending
    this.carry = ''
    this.pending = ''
    return text === '' ? [] : this.parse(text, true)
  }

  private parse(text: string, last: boolean): CsvRow[] {
    const parser = (this.parser ??= this.createParser(text))
    const rows: CsvRow[] = []
    let from = 0
    this.onRow = ({ data, errors, meta }) => {
      const fields = data[0] ?? []
      const error = errors[0]
      if (errors.some((e) => e.code === 'MissingQuotes')) {
        throw new FormatError(
          `${this.fileName}: unterminated quoted field in the row starting at line ${this.line} (a " is never closed)`,
        )
      }
      rows.push({ fields, line: this.line, error: error?.message })
      this.line += countOf(text, this.newline, from, meta.cursor)
      from = meta.cursor
    }
    const result = parser.parse(text, 0, !last) as Papa.ParseResult<string[]>
    this.carry = last ? '' : text.slice(result.meta.cursor)
    return rows
  }

  private onRow: (step: ParserStep) => void = () => undefined

  private createParser(text: string): Papa.Parser {
    this.newline = guessNewline(text)
    this.delimiter ??= guessDelimiter(text.slice(0, SAMPLE_CHARS))
    return new Papa.Parser({
      delimiter: this.delimiter,
      newline: this.newline as '\n',
      // The low-level parser hands each step its rows as an array (one row), unlike Papa.parse.
      step: (result) => this.onRow(result as unknown as ParserStep),
    })
  }
}

/**
 * The candidate that splits the first lines (quoted parts aside) into the same number of
 * fields, more than one, most often; ',' when none does.
 */
export function guessDelimiter(sample: string): string {
  const lines = sample
    .replace(/"(?:[^"]|"")*"/g, '""')
    .split(/\r\n|\n|\r/)
    .filter((line) => line !== '')
    .slice(0, 20)
  let best = ','
  let bestScore = 0
  for (const delimiter of GUESSED_DELIMITERS) {
    const fields = lines[0]?.split(delimiter).length ?? 0
    if (fields < 2) continue
    const score = lines.filter((line) => line.split(delimiter).length === fields).length
    if (score > bestScore) {
      best = delimiter
      bestScore = score
    }
  }
  return best
}

function guessNewline(text: string): '\n' | '\r\n' | '\r' {
  const lf = text.indexOf('\n')
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n'
  if (lf < 0 && text.includes('\r')) return '\r'
  return '\n'
}

/** Occurrences of `needle` in text[from, to). */
function countOf(text: string, needle: string, from: number, to: number): number {
  let count = 0
  for (
    let i = text.indexOf(needle, from);
    i >= 0 && i < to;
    i = text.indexOf(needle, i + needle.length)
  ) {
    count += 1
  }
  return count
}

/** Header names, made unique (`a`, `a_1`) and never empty. */
function headerNames(fields: string[]): string[] {
  const seen = new Set<string>()
  return fields.map((field, i) => {
    let name = field.trim() === '' ? `column_${i + 1}` : field
    for (let n = 1; seen.has(name); n++) name = `${field}_${n}`
    seen.add(name)
    return name
  })
}

const isBlank = (fields: string[]) =>
  fields.length === 0 || (fields.length === 1 && fields[0] === '')

function toRecord(header: string[], row: CsvRow, index: number, bytesRead: number): SourceRecord {
  const location = { kind: 'row', index } as const
  if (row.error) {
    return { ok: false, reason: `${row.error} (line ${row.line})`, location, bytesRead }
  }
  if (row.fields.length !== header.length) {
    const reason = `${row.fields.length} fields where the header has ${header.length} (line ${row.line})`
    return { ok: false, reason, location, bytesRead }
  }
  const record: Record<string, string> = {}
  header.forEach((name, i) => (record[name] = row.fields[i]!))
  return { ok: true, record, location, bytesRead }
}
