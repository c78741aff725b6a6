import { describe, expect, it } from 'vitest'
import { describeLocation, FormatError, messageOf } from './source-record'

describe('describeLocation', () => {
  it('names a line, a row, an element or a key', () => {
    expect(describeLocation({ kind: 'line', index: 3 })).toBe('line 3')
    expect(describeLocation({ kind: 'row', index: 5 })).toBe('row 5')
    expect(describeLocation({ kind: 'element', index: 7 })).toBe('element 7')
    expect(describeLocation({ kind: 'key', index: 2, key: 'abc' })).toBe('key "abc"')
  })

  it('quotes a key as JSON, and falls back to the member number without a key', () => {
    expect(describeLocation({ kind: 'key', index: 1, key: 'say "hi"\n' })).toBe(
      'key "say \\"hi\\"\\n"',
    )
    expect(describeLocation({ kind: 'key', index: 4 })).toBe('member 4')
  })
})

describe('FormatError', () => {
  it('is an Error with its own name', () => {
    const error = new FormatError('data.json: not valid JSON')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('FormatError')
    expect(messageOf(error)).toBe('data.json: not valid JSON')
    expect(messageOf('plain')).toBe('plain')
  })
})
