// Deterministic generator of an English-like reasoning trace and span annotations.
// Pure ESM, no dependencies: runs in Node (harness) and in the browser.
//
// generateTrace({ n, s, seed }) -> { n, s, seed, text, spans: [{ id, start, end, label, kind }] }
//   - text is exactly n UTF-16 code units of ASCII, paragraphs separated by "\n\n"
//   - spans are distinct [start, end) ranges sorted by (start, end), offsets in UTF-16 code units
//   - the text depends only on (n, seed); the spans on (n, s, seed)

export const LABELS = ['realization', 'verification', 'exploration', 'integration']

export const PIVOTS = [
  { phrase: 'Wait,', label: 'verification' },
  { phrase: 'Hmm,', label: 'exploration' },
  { phrase: 'Let me check', label: 'verification' },
  { phrase: 'What if', label: 'exploration' },
  { phrase: 'Alternatively,', label: 'exploration' },
  { phrase: 'Now I see', label: 'realization' },
]

/** mulberry32: small, fast, deterministic 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = (rng, arr) => arr[Math.floor(rng() * arr.length)]
const int = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1))

const THINGS = [
  'the sum of the first ten terms',
  'the remainder modulo seven',
  'the area of the triangle',
  'the derivative at zero',
  'the number of valid pairs',
  'the second equation',
  'the boundary case',
  'the common ratio',
  'the largest prime factor',
  'the expected value',
  'the base case',
  'the constraint on x',
  'the denominator',
  'the length of the hypotenuse',
  'the total count',
  'the probability of two heads',
  'the slope of the line',
  'the last digit',
  'the midpoint',
  'the inductive step',
  'the symmetric case',
  'the value of y',
  'the carry in the third column',
]
const VARS = ['x', 'y', 'n', 'k', 'the ratio', 'the total', 'the answer', 'a', 'b', 'the offset']
const UNITS = ['apples', 'steps', 'cases', 'units', 'terms', 'coins', 'degrees', 'pairs', 'digits']
const ADJS = [
  'positive',
  'even',
  'odd',
  'smaller',
  'larger',
  'consistent',
  'wrong',
  'symmetric',
  'bounded',
  'integral',
]
const CLAIMS = [
  'the two sides must be equal',
  'we double counted the overlap',
  'the sign flips here',
  'this only works for even n',
  'the pattern repeats every four terms',
  'the constraint is not tight',
  'the first approach missed a case',
  'both factors are coprime',
  'the sequence is increasing',
  'the answer has to be an integer',
  'the substitution simplifies everything',
  'the estimate was too rough',
  'that contradicts the earlier result',
  'the bound is achieved at the endpoint',
]

function plainSentence(rng) {
  const t = int(rng, 0, 9)
  const num = int(rng, 2, 997)
  switch (t) {
    case 0:
      return `Let me compute ${pick(rng, THINGS)} for the case where ${pick(rng, VARS)} is ${num}.`
    case 1:
      return `So ${pick(rng, VARS)} equals ${num}, which means ${pick(rng, CLAIMS)}.`
    case 2:
      return `That gives us ${num} ${pick(rng, UNITS)} in total.`
    case 3:
      return `I need to find ${pick(rng, THINGS)} such that it stays ${pick(rng, ADJS)}.`
    case 4:
      return `First, consider ${pick(rng, THINGS)}.`
    case 5:
      return `If ${pick(rng, VARS)} is ${num}, then ${pick(rng, THINGS)} must be ${pick(rng, ADJS)}.`
    case 6:
      return `The result is ${pick(rng, ADJS)} because ${pick(rng, CLAIMS)}.`
    case 7:
      return `Multiplying by ${num} and dividing by ${int(rng, 2, 12)} gives ${int(rng, 1, 9999)}.`
    case 8:
      return `Next I will look at ${pick(rng, THINGS)} and compare it with ${pick(rng, THINGS)}.`
    default:
      return `This means ${pick(rng, CLAIMS)}, so ${pick(rng, VARS)} should be ${num}.`
  }
}

function pivotSentence(rng, pivot) {
  const num = int(rng, 2, 997)
  switch (pivot) {
    case 'Wait,':
      return `Wait, ${pick(rng, CLAIMS)}, so I should redo ${pick(rng, THINGS)}.`
    case 'Hmm,':
      return `Hmm, maybe ${pick(rng, THINGS)} is not ${pick(rng, ADJS)} after all.`
    case 'Let me check':
      return `Let me check ${pick(rng, THINGS)} again with ${pick(rng, VARS)} equal to ${num}.`
    case 'What if':
      return `What if ${pick(rng, VARS)} is ${num} instead?`
    case 'Alternatively,':
      return `Alternatively, I could bound ${pick(rng, THINGS)} directly.`
    default:
      return `Now I see that ${pick(rng, CLAIMS)}.`
  }
}

/** Generate the text (depends on n and seed only) plus candidate ranges. */
export function generateText(n, seed) {
  const rng = mulberry32(seed)
  const parts = []
  const pivots = [] // { start, end, label }
  const sentences = [] // { start, end, para }
  let len = 0
  let para = 0
  while (len < n) {
    if (para > 0) {
      parts.push('\n\n')
      len += 2
    }
    const count = int(rng, 3, 8)
    for (let i = 0; i < count; i++) {
      if (i > 0) {
        parts.push(' ')
        len += 1
      }
      let sentence
      if (rng() < 0.3) {
        const p = pick(rng, PIVOTS)
        sentence = pivotSentence(rng, p.phrase)
        pivots.push({ start: len, end: len + p.phrase.length, label: p.label })
      } else {
        sentence = plainSentence(rng)
      }
      sentences.push({ start: len, end: len + sentence.length, para })
      parts.push(sentence)
      len += sentence.length
    }
    para++
  }
  const text = parts.join('').slice(0, n)
  const inside = (r) => r.end <= n && r.end > r.start
  return { text, pivots: pivots.filter(inside), sentences: sentences.filter(inside) }
}

function shuffle(rng, arr) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[arr[i], arr[j]] = [arr[j], arr[i]]
  }
  return arr
}

/**
 * Build the full dataset. Span mix (before shortfalls): 50% pivot phrases, 30% single
 * sentences, 10% runs of 2-3 sentences, 10% short word runs (1-4 words). A pool that runs
 * out passes its shortfall on to the next one; word runs are effectively unlimited, so dense
 * settings (e.g. 5,000 spans on 25,000 characters) are reached with short overlapping spans.
 */
export function generateTrace({ n, s, seed = 1 }) {
  if (!(n > 0) || !(s >= 0)) throw new Error('n must be > 0 and s >= 0')
  const { text, pivots, sentences } = generateText(n, seed)
  const rng = mulberry32((seed * 2654435761 + s * 97 + n) >>> 0)
  const seen = new Set()
  const spans = []
  const add = (start, end, label, kind) => {
    const key = start * 1e7 + end
    if (seen.has(key) || end <= start || end > n) return false
    seen.add(key)
    spans.push({ start, end, label, kind })
    return true
  }

  // Multi-sentence windows inside one paragraph.
  const multi = []
  for (let i = 0; i < sentences.length; i++) {
    for (const w of [2, 3]) {
      const last = sentences[i + w - 1]
      if (last && last.para === sentences[i].para)
        multi.push({ start: sentences[i].start, end: last.end })
    }
  }
  // Word boundaries for short word runs.
  const words = []
  for (const m of text.matchAll(/[A-Za-z0-9]+/g))
    words.push({ start: m.index, end: m.index + m[0].length })

  const quotas = [
    ['pivot', Math.round(s * 0.5)],
    ['sentence', Math.round(s * 0.3)],
    ['multi', Math.round(s * 0.1)],
  ]
  const pools = {
    pivot: shuffle(rng, pivots.slice()),
    sentence: shuffle(rng, sentences.slice()),
    multi: shuffle(rng, multi),
  }
  let carry = 0
  for (const [kind, quota] of quotas) {
    let want = quota + carry
    for (const r of pools[kind]) {
      if (want === 0) break
      const label =
        kind === 'pivot' ? r.label : kind === 'multi' ? 'integration' : pick(rng, LABELS)
      if (add(r.start, r.end, label, kind)) want--
    }
    carry = want
  }
  let guard = 0
  while (spans.length < s && words.length > 0) {
    if (++guard > s * 200 + 10000)
      throw new Error(`could not place ${s} distinct spans in ${n} characters`)
    const i = Math.floor(rng() * words.length)
    const j = Math.min(words.length - 1, i + int(rng, 0, 3))
    add(words[i].start, words[j].end, pick(rng, LABELS), 'words')
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end)
  spans.forEach((sp, i) => {
    sp.id = `s${i}`
  })
  return { n, s, seed, text, spans }
}
