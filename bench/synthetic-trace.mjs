/**
 * One synthetic reasoning trace, deterministic in (i, chars, seed): pure, so the bench pages can
 * make the same texts in the browser that bench/generate.mjs writes to disk.
 */
function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PLAIN = [
  'So the total is the sum of the two parts, which gives {n}.',
  'The next step is to compute {n} times {m}, which is {p}.',
  'That means the remainder must be smaller than {m}.',
  'We know the first term, so the rest follows from the recurrence.',
  'Dividing both sides by {m} leaves {n} on the left.',
  'The constraint says every value is positive, so {n} is allowed.',
  'Adding {n} and {m} gives {s}, and that matches the count so far.',
  'This is the same as counting the pairs with an even sum.',
]
const PIVOTS = [
  'Wait, that is not right.',
  'Hmm, let me think about this again.',
  'Alternatively, we could count the complement.',
  'Let me check the arithmetic: {n} times {m} is {p}.',
  'Actually, I made a mistake in the previous step.',
  'What if {n} is even?',
  'Maybe there is a simpler way.',
  'Therefore the answer should be {s}.',
  'But wait, the problem asks for the smallest value.',
  'Let me verify with a small case.',
]

function sentence(rand, pivotRate) {
  const list = rand() < pivotRate ? PIVOTS : PLAIN
  const n = Math.floor(rand() * 90) + 10
  const m = Math.floor(rand() * 9) + 2
  return list[Math.floor(rand() * list.length)]
    .replace('{n}', n)
    .replace('{m}', m)
    .replace('{p}', n * m)
    .replace('{s}', n + m)
}

export function makeTrace(i, chars = 20_000, seed = 1) {
  const rand = mulberry32(seed * 1_000_003 + i)
  const pivotRate = 0.05 + rand() * 0.25
  const paragraphs = []
  let length = 0
  while (length < chars) {
    const count = 3 + Math.floor(rand() * 6)
    const p = Array.from({ length: count }, () => sentence(rand, pivotRate)).join(' ')
    paragraphs.push(p)
    length += p.length + 2
  }
  const answer = Math.floor(rand() * 1000)
  return {
    id: `syn-${i}`,
    problem: `Problem ${i % 1000}: find the smallest positive integer n such that n^2 + ${i % 1000} is divisible by 7.`,
    reasoning: paragraphs.join('\n\n'),
    answer: `The answer is \\boxed{${answer}}.`,
    gold: String(rand() < 0.6 ? answer : answer + 1),
    model: i % 2 ? 'synthetic-imitation' : 'synthetic-emergent',
  }
}
