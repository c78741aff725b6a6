import type { SourceLine } from './read-lines'

export type ParsedLine =
  | { ok: true; lineNumber: number; record: unknown; bytesRead: number }
  | { ok: false; lineNumber: number; reason: string; bytesRead: number }

/** JSON-parses each non-blank line; a bad line becomes a reason with its line number. */
export async function* parseJsonl(lines: AsyncIterable<SourceLine>): AsyncGenerator<ParsedLine> {
  for await (const { text, lineNumber, bytesRead } of lines) {
    if (text.trim() === '') continue
    try {
      yield { ok: true, lineNumber, record: JSON.parse(text), bytesRead }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      yield { ok: false, lineNumber, reason: `invalid JSON: ${reason}`, bytesRead }
    }
  }
}
