/**
 * Reasoning embedded in one text by markers (DESIGN section 3): `<think>…</think>`,
 * SkyThought's `<|begin_of_thought|>…<|end_of_thought|>` with `<|begin_of_solution|>…`, and
 * `<|im_start|>think … <|im_start|>answer`. An unclosed block (the model hit its length limit)
 * runs to the end of the text. The text outside the markers is the answer.
 */
export interface SplitThought {
  reasoning: string
  answer: string
  marker: string
  /** False when the thought block was opened and never closed (the model hit its limit). */
  closed: boolean
  /** Where `reasoning` starts in the original text (offsets of source spans shift by this). */
  reasoningStart: number
}

interface MarkerPair {
  name: string
  open: string
  close: string
  /** Markers to strip from the answer part. */
  answerMarks: string[]
}

const MARKERS: MarkerPair[] = [
  {
    name: 'begin_of_thought',
    open: '<|begin_of_thought|>',
    close: '<|end_of_thought|>',
    answerMarks: ['<|begin_of_solution|>', '<|end_of_solution|>'],
  },
  { name: 'think', open: '<think>', close: '</think>', answerMarks: [] },
  {
    name: 'im_start think',
    open: '<|im_start|>think',
    close: '<|im_start|>answer',
    answerMarks: [],
  },
]

export function splitThought(text: string): SplitThought | null {
  // Every marker starts with '<': one scan rules out most texts (a trace read at import time
  // is tens of thousands of characters; the six marker scans were 5% of the import worker).
  if (!text.includes('<')) return null
  for (const m of MARKERS) {
    const open = text.indexOf(m.open)
    // A lone closing marker also counts: chat templates often put `<think>` in the prompt.
    const close = text.indexOf(m.close, open < 0 ? 0 : open + m.open.length)
    if (open < 0 && close < 0) continue
    const from = open < 0 ? 0 : open + m.open.length
    const to = close < 0 ? text.length : close
    const before = open < 0 ? '' : text.slice(0, open)
    const after = close < 0 ? '' : text.slice(close + m.close.length)
    let answer = before + after
    for (const mark of m.answerMarks) answer = answer.split(mark).join('')
    const raw = text.slice(from, to)
    const reasoningStart = from + (raw.length - raw.trimStart().length)
    return {
      reasoning: raw.trim(),
      answer: answer.trim(),
      marker: m.name,
      closed: close >= 0,
      reasoningStart,
    }
  }
  return null
}
