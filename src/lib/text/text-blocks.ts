/**
 * Cuts a text into blocks (paragraphs, each with its trailing blank lines) and each block into
 * chunks of about `chunkSize` characters, cut at white space. The reader renders one element per
 * block and one text node per chunk: highlight ranges then stay cheap to paint, since a browser
 * walks every range of a text node on each repaint (TOOLCHAIN.md, part 2 f).
 * Concatenating all chunks gives the text back exactly; no chunk splits a surrogate pair.
 */
export interface TextChunk {
  start: number
  end: number
}

export interface TextBlock extends TextChunk {
  chunks: TextChunk[]
}

const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/g

export function splitBlocks(text: string, chunkSize = 1000): TextBlock[] {
  const blocks: TextBlock[] = []
  let start = 0
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    const end = m.index + m[0].length
    if (m.index > start) blocks.push(block(text, start, end, chunkSize))
    else if (blocks.length > 0) extendLast(blocks, end, text, chunkSize)
    else blocks.push(block(text, start, end, chunkSize))
    start = end
  }
  if (start < text.length) blocks.push(block(text, start, text.length, chunkSize))
  return blocks
}

function extendLast(blocks: TextBlock[], end: number, text: string, chunkSize: number) {
  const last = blocks.pop()!
  blocks.push(block(text, last.start, end, chunkSize))
}

function block(text: string, start: number, end: number, chunkSize: number): TextBlock {
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
  return { start, end, chunks }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
