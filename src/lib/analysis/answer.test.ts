import { describe, expect, it } from 'vitest'
import { extractFinalAnswer, judgeCorrect, normaliseAnswer } from './answer'

describe('extractFinalAnswer', () => {
  it('takes the last \\boxed{} with balanced braces', () => {
    expect(extractFinalAnswer('First \\boxed{1}, then \\boxed{\\frac{1}{2}}.')).toBe('\\frac{1}{2}')
    expect(extractFinalAnswer('\\boxed{ 42 }')).toBe('42')
    expect(extractFinalAnswer('\\boxed{\\{1, 2\\}}')).toBe('\\{1, 2\\}')
  })

  it('skips a truncated last \\boxed{ and uses the one before', () => {
    expect(extractFinalAnswer('\\boxed{7} and later \\boxed{\\frac{1}{')).toBe('7')
    expect(extractFinalAnswer('\\boxed{\\frac{1}{')).toBeNull()
  })

  it('falls back to the last "final answer:" or "Answer:" line', () => {
    expect(extractFinalAnswer('work\n\nAnswer: 670\n')).toBe('670')
    expect(extractFinalAnswer('### Final Answer:\nAnswer: 253')).toBe('253')
    expect(extractFinalAnswer('**Final answer:** 12 apples\nmore text')).toBe('12 apples')
    expect(extractFinalAnswer('答案 Answer：五')).toBe('五')
  })

  it('returns null without an answer', () => {
    expect(extractFinalAnswer('')).toBeNull()
    expect(extractFinalAnswer('The answer is unclear.')).toBeNull()
    expect(extractFinalAnswer('Answer:   \n')).toBeNull()
  })
})

describe('normaliseAnswer', () => {
  it('strips dollars, spaces, \\text{}, a trailing period and case', () => {
    expect(normaliseAnswer('$\\text{ Yes }$.')).toBe('yes')
    expect(normaliseAnswer(' 12 \\text{cm} ')).toBe('12cm')
    expect(normaliseAnswer('$\\dfrac{1}{2}$')).toBe('\\frac{1}{2}')
    expect(normaliseAnswer('\\tfrac 3 4')).toBe('\\frac34')
  })

  it('drops leading zeros of integers only', () => {
    expect(normaliseAnswer('033')).toBe('33')
    expect(normaliseAnswer('-007')).toBe('-7')
    expect(normaliseAnswer('000')).toBe('0')
    expect(normaliseAnswer('0.5')).toBe('0.5')
    expect(normaliseAnswer('007a')).toBe('007a')
  })
})

describe('judgeCorrect', () => {
  it('compares the normalised final answer with the gold one', () => {
    expect(judgeCorrect('so \\boxed{033}', '33')).toBe(true)
    expect(judgeCorrect('Answer: 670.', '670')).toBe(true)
    expect(judgeCorrect('\\boxed{670.0}', '670')).toBe(true)
    expect(judgeCorrect('\\boxed{34}', '33')).toBe(false)
    expect(judgeCorrect('$\\boxed{\\dfrac{1}{2}}$', 'The answer is $\\boxed{\\frac12}$')).toBe(
      false,
    )
    expect(judgeCorrect('$\\boxed{\\dfrac{1}{2}}$', 'So $\\boxed{\\frac{1}{2}}$')).toBe(true)
  })

  it('is null without gold or without an extractable answer', () => {
    expect(judgeCorrect('\\boxed{1}', '  ')).toBeNull()
    expect(judgeCorrect('no answer here', '1')).toBeNull()
  })
})
