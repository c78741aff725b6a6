/**
 * Multiple-choice answers (issue #9): the gold answer is an option letter (`"A"`, `"(B)"`) or an
 * option's text, and the model ends with "**Answer: A (…)**", "The answer is (B)", "答案：C",
 * "উত্তর: ক", `\boxed{D}` or just the option's text. Letters A–J (MMLU-Pro has ten options);
 * Bengali option letters ক খ গ ঘ ঙ চ ছ জ ঝ ঞ count as A–J.
 */

const LETTERS = 'ABCDEFGHIJ'
const BENGALI = 'কখগঘঙচছজঝঞ'
const LETTER = `[A-J${BENGALI}]`

/** The option letter a gold answer stands for, or null when it is not a lone letter. */
export function goldLetter(gold: string): string | null {
  // A gold answer is data, not prose: a lone lower-case letter is an option too.
  const m = new RegExp(`^\\s*[([]?\\s*(${LETTER})\\s*[)\\].:]?\\s*$`, 'iu').exec(gold)
  return m ? toLatin(m[1]!) : null
}

/** Options listed in a problem: lines such as "A. text", "(B) text", "C) text", "D: text". */
export function optionsOf(problem: string): Map<string, string> {
  const options = new Map<string, string>()
  const line = new RegExp(`^\\s*[([]?(${LETTER})[)\\].:]\\s*(.+)$`, 'gmu')
  for (const m of problem.matchAll(line)) {
    const letter = toLatin(m[1]!)
    if (!options.has(letter)) options.set(letter, m[2]!.trim())
  }
  // A list of options reads A, B, C…: a single match is more likely a sentence.
  return options.size >= 2 && options.has('A') ? options : new Map()
}

// Case-sensitive on purpose: the letter is a capital, so "the answer is a number" names none.
const CUES = [
  // "Answer: A", "**Answer: (B)**", "Final answer: C", "answer is D", "answer would be E"
  `(?:[Ff]inal\\s+)?(?:[Aa]nswer|ANSWER)(?:\\s+(?:is|would\\s+be|should\\s+be))?\\s*(?:\\*\\*)?\\s*[:：]?\\s*(?:\\*\\*)?\\s*(?:[Oo]ption\\s+)?[([]?(${LETTER})(?![\\p{L}\\p{N}])`,
  `(?:答案|正确答案|选项)\\s*(?:是|为|应为)?\\s*[:：]?\\s*\\**\\s*[(（[]?(${LETTER})(?![\\p{L}\\p{N}])`,
  `উত্তর\\s*(?:হল|হলো|হবে)?\\s*[:：]?\\s*\\**\\s*[([]?(${LETTER})(?![\\p{L}\\p{N}])`,
  `\\\\boxed\\s*\\{\\s*(?:\\\\text\\s*\\{)?\\s*\\(?(${LETTER})\\)?\\s*\\}`,
  `(?:^|\\n)\\s*\\**\\s*[([]?(${LETTER})[)\\].]?\\s*\\**\\s*$`,
]

/**
 * The option letter a model's text settles on: the last answer cue in it ("Answer: A", "答案 B",
 * `\boxed{C}`, a last line holding a letter), else the option whose text its last line states.
 */
export function extractChoice(text: string, options = new Map<string, string>()): string | null {
  let best: { at: number; letter: string } | null = null
  for (const cue of CUES) {
    for (const m of text.matchAll(new RegExp(cue, 'gu'))) {
      if (best === null || m.index >= best.at) best = { at: m.index, letter: toLatin(m[1]!) }
    }
  }
  if (best) return best.letter
  const last = text.trim().split('\n').pop()?.trim() ?? ''
  return optionByText(last, options)
}

/**
 * Judges a multiple-choice answer: true or false when the gold is an option (a letter, or the
 * text of one of the problem's options) and the text names one; null when this is not a
 * multiple-choice question or no choice can be read (then other judges may try).
 */
export function judgeChoice(answerText: string, gold: string, problem: string): boolean | null {
  const options = optionsOf(problem)
  const expected = goldLetter(gold) ?? optionByText(gold, options)
  if (expected === null) return null
  const chosen = extractChoice(answerText, options)
  return chosen === null ? null : chosen === expected
}

function optionByText(text: string, options: Map<string, string>): string | null {
  const wanted = normal(text)
  if (wanted === '') return null
  for (const [letter, option] of options) if (normal(option) === wanted) return letter
  return null
}

function normal(s: string): string {
  return s
    .toLowerCase()
    .replace(/[*_$`]/g, '')
    .replace(/^(?:final\s+)?answer\s*[:：]\s*/, '')
    .replace(/[\s.。]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
}

function toLatin(letter: string): string {
  const i = BENGALI.indexOf(letter)
  return i >= 0 ? LETTERS[i]! : letter.toUpperCase()
}
