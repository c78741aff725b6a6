import { describe, expect, it } from 'vitest'
import { toCsv } from './csv'

describe('toCsv', () => {
  it('quotes separators and doubles quotes', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          [1.5, null],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n1.5,\r\n')
  })

  it('defuses cells that a spreadsheet would run as formulas, keeping negative numbers', () => {
    const csv = toCsv(['v'], [['=SUM(A1)'], ['+1+2'], ['@cmd'], ['-x'], ['-3'], [-2]])
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      "'=SUM(A1)",
      "'+1+2",
      "'@cmd",
      "'-x",
      '-3',
      '-2',
    ])
  })
})
