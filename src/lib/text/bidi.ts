/**
 * Bidirectional control characters in untrusted names and keys (issue #12): an override such as
 * U+202E makes "gnp.exe" show as "exe.png". `bidiPieces` splits a text into plain runs and the
 * controls, so a view can show each control as a visible marker instead of obeying it.
 */
const CONTROLS: Record<string, string> = {
  '\u061c': 'ALM',
  '\u200e': 'LRM',
  '\u200f': 'RLM',
  '\u202a': 'LRE',
  '\u202b': 'RLE',
  '\u202c': 'PDF',
  '\u202d': 'LRO',
  '\u202e': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
}

const CONTROL_RE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

export type BidiPiece = { text: string } | { control: string; codePoint: string }

export function hasBidiControls(text: string): boolean {
  return CONTROL_RE.test(text)
}

export function bidiPieces(text: string): BidiPiece[] {
  if (!hasBidiControls(text)) return [{ text }]
  const pieces: BidiPiece[] = []
  let run = ''
  for (const ch of text) {
    const name = CONTROLS[ch]
    if (name === undefined) {
      run += ch
      continue
    }
    if (run) pieces.push({ text: run })
    run = ''
    const codePoint = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
    pieces.push({ control: name, codePoint })
  }
  if (run) pieces.push({ text: run })
  return pieces
}

/** The same text with each control written out as `⟨RLO⟩`: for plain-text places (titles). */
export function showBidiControls(text: string): string {
  return bidiPieces(text)
    .map((p) => ('text' in p ? p.text : `⟨${p.control}⟩`))
    .join('')
}

/**
 * For plain-text places that cannot hold markup but do honour Unicode isolates (SVG text,
 * `<option>`): the controls written out, the whole wrapped in FSI … PDI so it cannot reorder
 * what stands around it.
 */
export function isolatedPlain(text: string): string {
  return `\u2068${showBidiControls(text)}\u2069`
}
