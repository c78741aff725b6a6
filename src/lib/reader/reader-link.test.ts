import { describe, expect, it } from 'vitest'
import { hashQuery, parseReaderQuery, readerPath } from './reader-link'

describe('reader links', () => {
  it('round-trips an id with a colon, an offset and a query', () => {
    const path = readerPath('ds-1:000000007', { at: 120, to: 130, q: 'wait & see?' })
    expect(path.split('?')[0]).toBe('/traces/ds-1:000000007')
    expect(parseReaderQuery(hashQuery(`#${path}`))).toEqual({ at: 120, to: 130, q: 'wait & see?' })
  })

  it('leaves out what is not given', () => {
    expect(readerPath('x')).toBe('/traces/x')
    expect(parseReaderQuery('')).toEqual({ at: null, to: null, q: '' })
  })

  it('ignores offsets that are not whole numbers', () => {
    expect(parseReaderQuery('at=-3&to=1e3').at).toBeNull()
    expect(parseReaderQuery('at=-3&to=1e3').to).toBeNull()
  })
})
