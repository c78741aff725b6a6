/**
 * Cuts a text into blocks, one per *step* as the `steps` metric counts them (segmentSteps, the
 * one definition of a step), so the reader's step numbers are the metric's. A block runs from
 * its step's start to the next step's start (the first from 0, the last to the end), so white
 * space between steps stays with the step before. Each block is cut into chunks of about
 * `chunkSize` characters, at white space. The reader renders one element per
 * block and one text node per chunk: highlight ranges then stay cheap to paint, since a browser
 * walks every range of a text node on each repaint (TOOLCHAIN.md, part 2 f).
 * Concatenating all chunks gives the text back exactly; no chunk splits a surrogate pair.
 */
import { segmentSteps } from '../analysis/one-pass'

export interface TextChunk {
  start: number
  end: number
}

export interface TextBlock extends TextChunk {
  /** The step's number (1-based), or null for a text of white space only (no step). */
  step: number | null
  chunks: TextChunk[]
}

export function splitBlocks(text: string, chunkSize = 1000): TextBlock[] {
  if (text.length === 0) return []
  const steps = segmentSteps(text)
  if (steps.length === 0) return [block(text, 0, text.length, chunkSize, null)]
  return steps.map((_, i) => {
    const start = i === 0 ? 0 : steps[i]!.start
    const end = i + 1 < steps.length ? steps[i + 1]!.start : text.length
    return block(text, start, end, chunkSize, i + 1)
  })
}

function block(
  text: string,
  start: number,
  end: number,
  chunkSize: number,
  step: number | null,
): TextBlock {
  const chunks: TextChunk[] = []
  let from = start
  while (end - from > chunkSize * 1.5) {
    let cut = text.lastIndexOf(' ', from + chunkSize)
    if (cut <= from) cut = from + chunkSize
    else cut += 1
    if (isLowSurrogate(text.charCodeAt(cut))) cut += 1
    chunks.push({ start: from, end: cut })
    from = cut
  }
  chunks.push({ start: from, end })
  return { start, end, step, chunks }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
