import { describe, expect, it } from 'vitest'
import { extractChoice, goldLetter, judgeChoice, optionsOf } from './choice-answer'

const PROBLEM = 'Pick one.\n(A) red\n(B) green\n(C) blue\n(D) none of these'

describe('multiple-choice answers', () => {
  it('reads a gold letter with or without brackets, and refuses other golds', () => {
    expect(['A', '(b)', ' C. ', '[D]', 'J', 'ক'].map(goldLetter)).toEqual([
      'A',
      'B',
      'C',
      'D',
      'J',
      'A',
    ])
    expect(['K', '42', 'AB', 'A cat', ''].map(goldLetter)).toEqual([null, null, null, null, null])
  })

  it('lists the options of a problem', () => {
    expect([...optionsOf(PROBLEM)]).toEqual([
      ['A', 'red'],
      ['B', 'green'],
      ['C', 'blue'],
      ['D', 'none of these'],
    ])
    expect(optionsOf('A. single line only').size).toBe(0)
  })

  it.each([
    ['**Answer: A (red)**', 'A'],
    ['The answer is (B).', 'B'],
    ['Final Answer: **C**', 'C'],
    ['答案：D', 'D'],
    ['所以答案是 B', 'B'],
    ['উত্তর: খ', 'B'],
    ['Therefore $\\boxed{C}$', 'C'],
    ['Therefore \\boxed{\\text{D}}', 'D'],
    ['I first thought the answer is A.\nAnswer: B', 'B'],
    ['Lots of thinking.\n\n(C)', 'C'],
    ['blue', 'C'],
    ['Answer: green', 'B'],
    ['the answer is a number we cannot tell', null],
  ])('reads %j as %s', (text, letter) => {
    expect(extractChoice(text, optionsOf(PROBLEM))).toBe(letter)
  })

  it('judges by letter or option text, and leaves non-choice questions to other judges', () => {
    expect(judgeChoice('Answer: A', 'A', PROBLEM)).toBe(true)
    expect(judgeChoice('Answer: B', '(A)', PROBLEM)).toBe(false)
    expect(judgeChoice('Answer: C', 'blue', PROBLEM)).toBe(true)
    expect(judgeChoice('no idea', 'A', PROBLEM)).toBeNull()
    expect(judgeChoice('\\boxed{42}', '42', 'What is 6 x 7?')).toBeNull()
  })
})
