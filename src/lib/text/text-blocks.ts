/**
 * Cuts a text into blocks, one per *step* as the `steps` metric counts them (segmentSteps, the
 * one definition of a step), so the reader's step numbers are the metric's. A block runs from
 * its step's start to the next step's start (the first from 0, the last to the end), so white
 * space between steps stays with the step before. Each block is cut into chunks of about
 * `chunkSize` characters, at white space. The reader renders one element per
 * block and one text node per chunk: highlight ranges then stay cheap to paint, since a browser
 * walks every range of a text node on each repaint (TOOLCHAIN.md, part 2 f).
 * Concatenating all chunks gives the text back exactly; no chunk splits a surrogate pair.
 * Blocks are grouped in sections (splitSections), the unit the reader leaves out of style and
 * layout while it is off the screen.
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

export interface TextSection {
  start: number
  end: number
  blocks: TextBlock[]
  /** The section's height in lines at `lineChars` characters a line: an estimate. */
  lines: number
}

/**
 * Groups consecutive blocks in sections of at least `sectionChars` characters (the last may be
 * shorter; a block is never cut). The reader makes each section, not each block,
 * `content-visibility: auto`: the browser then styles and tracks a few dozen elements for a
 * long text instead of one per paragraph, and a section off the screen keeps its whole subtree
 * out of style and layout. `lines` gives its placeholder height until it is first laid out.
 */
export function splitSections(
  text: string,
  blocks: readonly TextBlock[],
  sectionChars = 4000,
  lineChars = 90,
): TextSection[] {
  const sections: TextSection[] = []
  let open: TextSection | null = null
  for (const b of blocks) {
    open ??= { start: b.start, end: b.start, blocks: [], lines: 0 }
    open.blocks.push(b)
    open.end = b.end
    open.lines += lineCount(text, b.start, b.end, lineChars)
    if (open.end - open.start >= sectionChars) {
      sections.push(open)
      open = null
    }
  }
  if (open) sections.push(open)
  return sections
}

/** Lines that `text.slice(start, end)` fills when wrapped at `lineChars` (a last empty line is none). */
function lineCount(text: string, start: number, end: number, lineChars: number): number {
  let lines = 0
  let from = start
  while (from < end) {
    let nl = text.indexOf('\n', from)
    if (nl < 0 || nl >= end) nl = end
    lines += Math.max(1, Math.ceil((nl - from) / lineChars))
    from = nl + 1
  }
  return Math.max(1, lines)
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
