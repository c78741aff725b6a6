/**
 * The reader's benchmark traces: one reasoning of exactly `chars` characters dense with pivots
 * (about one every 40 characters, so ~5,000 highlights at 200,000 characters) and one of the
 * same length with none, for a baseline measured in the same run. Deterministic.
 */
import { mkdirSync, writeFileSync } from 'node:fs'

const PIVOTED = [
  'Wait, that is not right.',
  'Hmm, so the sum is 41.',
  'Alternatively, count the rest.',
  'Let me check: 6 times 7 is 42.',
  'Actually, the bound is 12.',
  'What if n is even?',
  'Maybe there is a simpler way.',
  'Therefore the answer is 13.',
  'But wait, the order matters.',
  'Let me verify with n = 3.',
]
const PLAIN = [
  'The next term is 12 times 3, which is 36.',
  'Dividing both sides by 4 leaves 9 on the left.',
  'The constraint says every value is positive.',
  'Adding 17 and 25 gives 42, as counted before.',
  'This is the same as counting the pairs.',
]

function body(chars, sentences, seed) {
  let a = seed
  const rand = () => (a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const paragraphs = []
  let length = 0
  while (length < chars) {
    const count = 3 + Math.floor(rand() * 5)
    const p = Array.from({ length: count }, () => sentences(rand)).join(' ')
    paragraphs.push(p)
    length += p.length + 2
  }
  return paragraphs.join('\n\n').slice(0, chars)
}

export function longTraces(chars = 200_000) {
  const dense = (rand) =>
    rand() < 0.8
      ? PIVOTED[Math.floor(rand() * PIVOTED.length)]
      : PLAIN[Math.floor(rand() * PLAIN.length)]
  const plain = (rand) => PLAIN[Math.floor(rand() * PLAIN.length)]
  const trace = (id, reasoning) => ({
    id,
    problem: 'Find the smallest positive integer n such that n^2 + 3 is divisible by 7.',
    reasoning,
    answer: 'The answer is \\boxed{2}.',
  })
  return [trace('long-pivots', body(chars, dense, 7)), trace('long-plain', body(chars, plain, 7))]
}

export function writeLongTraces({ chars = 200_000, dir = '.bench-data' } = {}) {
  mkdirSync(dir, { recursive: true })
  const path = `${dir}/long-traces-c${chars}.jsonl`
  writeFileSync(
    path,
    longTraces(chars)
      .map((t) => JSON.stringify(t))
      .join('\n') + '\n',
  )
  return path
}
