import { describe, expect, it } from 'vitest'
import { cyrb53, problemHash } from './problem-hash'

describe('cyrb53', () => {
  it('matches the reference values published with the algorithm (in base 36)', () => {
    // bryc's cyrb53 README: 'a' -> 7929297801672961, 'b' -> 8684336938537663,
    // 'revenge' -> 4051478007546757, 'revenue' -> 8309097637345594, ('revenue', 1) -> 8697026808958300.
    expect(cyrb53('a')).toBe((7929297801672961).toString(36))
    expect(cyrb53('b')).toBe((8684336938537663).toString(36))
    expect(cyrb53('revenge')).toBe((4051478007546757).toString(36))
    expect(cyrb53('revenue')).toBe((8309097637345594).toString(36))
    expect(cyrb53('revenue', 1)).toBe((8697026808958300).toString(36))
  })
})

describe('problemHash', () => {
  const problem = 'Find the number of minutes the walk takes her.'

  it('pairs the same problem across white space and case differences', () => {
    const hash = problemHash(problem, 'a')
    expect(problemHash(`  ${problem}\n`, 'b')).toBe(hash)
    expect(problemHash('Find  the number of\r\nminutes\tthe walk takes her.', 'c')).toBe(hash)
    expect(problemHash(problem.toUpperCase(), 'd')).toBe(hash)
  })

  it('separates different problems', () => {
    expect(problemHash(problem, 'a')).not.toBe(problemHash(`${problem}!`, 'a'))
    expect(problemHash('Find x.', 'a')).not.toBe(problemHash('Find y.', 'a'))
  })

  it('ignores the key when there is a problem', () => {
    expect(problemHash(problem, 'item-1')).toBe(problemHash(problem, 'item-2'))
  })

  it('falls back to the key when the problem is empty or only white space', () => {
    expect(problemHash('', 'arith-00-0')).toBe(problemHash(' \n\t', 'arith-00-0'))
    expect(problemHash('', 'arith-00-0')).not.toBe(problemHash('', 'arith-00-1'))
    expect(problemHash('', 'arith-00-0')).toBe(`k:${cyrb53('arith-00-0')}`)
  })

  it('never pairs a problem with a key of the same text', () => {
    expect(problemHash('42', 'x')).not.toBe(problemHash('', '42'))
  })

  it('hashes emoji and CJK problems, folding case only where it exists', () => {
    expect(problemHash('求 x 的值 😀', 'a')).toBe(problemHash('求  x 的值 😀 ', 'b'))
    expect(problemHash('求 x 的值 😀', 'a')).not.toBe(problemHash('求 y 的值 😀', 'a'))
    expect(problemHash('ÉTÉ', 'a')).toBe(problemHash('été', 'a'))
  })
})
