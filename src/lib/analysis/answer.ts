/**
 * Final-answer extraction and a normalised comparison with a gold answer, for traces whose
 * source gives no correctness flag. Deliberately simple string normalisation (no symbolic
 * maths): a trace is judged correct only when its answer and the gold one normalise to the
 * same string or the same number; anything undecidable is null, never false.
 */

const BOXED = '\\boxed'

/** Content of the `\boxed{...}` starting at `at`, or null if its braces never balance. */
function boxedContentAt(text: string, at: number): string | null {
  let i = at + BOXED.length
  while (text.charCodeAt(i) === 0x20) i++
  if (text[i] !== '{') return null
  const open = i + 1
  let depth = 1
  for (i = open; i < text.length; i++) {
    const c = text[i]
    if (c === '\\') i++
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return text.slice(open, i)
  }
  return null
}

const ANSWER_LINE = /\b(?:final answer|answer)\s*(?:\*\*)?\s*[:：]([^\n]*)/gi
const MARKDOWN_EDGES = /^[\s*_]+|[\s*_]+$/g

/** The last balanced `\boxed{...}`, else the text after the last "final answer:" / "Answer:" on its line. */
export function extractFinalAnswer(text: string): string | null {
  for (let at = text.lastIndexOf(BOXED); at >= 0; at = text.lastIndexOf(BOXED, at - 1)) {
    const content = boxedContentAt(text, at)
    if (content !== null) return content.trim()
    if (at === 0) break
  }
  let found: string | null = null
  ANSWER_LINE.lastIndex = 0
  for (let m = ANSWER_LINE.exec(text); m !== null; m = ANSWER_LINE.exec(text)) {
    const value = (m[1] ?? '').replace(MARKDOWN_EDGES, '')
    if (value !== '') found = value
  }
  return found
}

/** Removes `\text{...}` (and `\textbf`, `\mathrm`) wrappers, keeping their content. */
function unwrapText(s: string): string {
  let out = s
  for (let prev = ''; prev !== out;) {
    prev = out
    out = out.replace(/\\(?:text|textbf|mathrm)\s*\{([^{}]*)\}/g, '$1')
  }
  return out
}

export function normaliseAnswer(s: string): string {
  let out = unwrapText(s)
    .replace(/\$/g, '')
    .replace(/\s+/g, '')
    .replace(/\\[dt]frac/g, '\\frac')
    .replace(/\.+$/, '')
    .toLowerCase()
  const integer = /^([+-]?)0+(\d)/.exec(out)
  if (integer !== null && /^[+-]?\d+$/.test(out))
    out = (integer[1] ?? '') + out.slice(integer[0].length - 1)
  return out
}

function sameNumber(a: string, b: string): boolean {
  const numeric = /^[+-]?(?:\d+\.?\d*|\.\d+)$/
  return numeric.test(a) && numeric.test(b) && Number(a) === Number(b)
}

/**
 * Compares the final answer of `answerText` with `gold` (itself reduced to its last `\boxed{}`
 * when it holds one). Null when there is no gold or no extractable answer.
 */
export function judgeCorrect(answerText: string, gold: string): boolean | null {
  if (gold.trim() === '') return null
  const answer = extractFinalAnswer(answerText)
  if (answer === null) return null
  const goldAnswer = gold.includes(BOXED) ? (extractFinalAnswer(gold) ?? gold) : gold
  const a = normaliseAnswer(answer)
  const g = normaliseAnswer(goldAnswer)
  if (a === '') return null
  return a === g || sameNumber(a, g)
}
