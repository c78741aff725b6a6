import { describe, expect, it } from 'vitest'
import { duplicateKeys } from './duplicate-keys'

describe('duplicateKeys', () => {
  it('counts each repeated key once and lists the first ones in file order', () => {
    expect(duplicateKeys(['a', 'b', 'a', 'c', 'b', 'a', 'd', 'd', 'e', 'e'], 3)).toEqual({
      count: 4,
      examples: ['a', 'b', 'd'],
    })
    expect(duplicateKeys(['a', 'b'])).toEqual({ count: 0, examples: [] })
  })
})
