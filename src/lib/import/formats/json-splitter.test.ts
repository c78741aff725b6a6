import { describe, expect, it } from 'vitest'
import { JsonSplitter, type JsonItem, type JsonSyntaxError } from './json-splitter'

/** Items of `text` fed in chunks cut at the given character offsets. */
function split(text: string, cuts: number[] = [], itemDepth = 1): JsonItem[] {
  const splitter = new JsonSplitter({ itemDepth })
  const edges = [0, ...cuts, text.length]
  const items: JsonItem[] = []
  for (let i = 1; i < edges.length; i++)
    items.push(...splitter.push(text.slice(edges[i - 1], edges[i])))
  splitter.finish()
  return items
}

const texts = (items: JsonItem[]) => items.map((i) => i.text.trim())

describe('JsonSplitter', () => {
  it('cuts the root array at its top-level commas only', () => {
    const text = '[{"a":[1,2],"b":{"c":","}}, [3,[4]] ,"x,y", 5, null]'
    expect(texts(split(text))).toEqual([
      '{"a":[1,2],"b":{"c":","}}',
      '[3,[4]]',
      '"x,y"',
      '5',
      'null',
    ])
  })

  it('ignores brackets, commas and quotes inside strings, with escapes', () => {
    const value = 'say \\"[hi]\\", {ok} \\\\'
    const text = `[{"t":"${value}"},{"t":"\\\\"}]`
    const expected = [`{"t":"${value}"}`, '{"t":"\\\\"}']
    expect(texts(split(text))).toEqual(expected)
    // The same whatever the chunking, a backslash and its escaped character in different chunks.
    for (let cut = 1; cut < text.length; cut++) expect(texts(split(text, [cut]))).toEqual(expected)
    const everyChar = Array.from({ length: text.length - 1 }, (_, i) => i + 1)
    expect(texts(split(text, everyChar))).toEqual(expected)
  })

  it('yields nothing for an empty array and an empty item for a stray comma', () => {
    expect(split('[ ]')).toEqual([])
    expect(texts(split('[1,]'))).toEqual(['1', ''])
    expect(texts(split('[,1]'))).toEqual(['', '1'])
  })

  it('gives each item its line and column', () => {
    const items = split('[\n  {"a":1},\n  {"a":2}\n]')
    expect(items.map((i) => [i.start.line, i.start.column])).toEqual([
      [2, 3],
      [3, 3],
    ])
  })

  it('cuts an array nested in the root object, only the first one at that depth', () => {
    const text = '{"v":1,"data":[{"a":1},{"a":2}],"more":[{"b":1}]}'
    const splitter = new JsonSplitter({ itemDepth: 2, open: '{' })
    const items = splitter.push(text.slice(text.indexOf('[')))
    splitter.finish()
    expect(texts(items)).toEqual(['{"a":1}', '{"a":2}'])
    expect(splitter.closed).toBe(true)
  })

  it('stops at text after the root and keeps it', () => {
    const splitter = new JsonSplitter({ itemDepth: 1 })
    splitter.push('{"a":1}\n{"a":2}\n')
    expect(splitter.closed).toBe(true)
    expect(splitter.trailing).toMatchObject({ line: 2, column: 1, offset: 8 })
    expect(splitter.rest).toBe('{"a":2}\n')
  })

  it('throws positioned errors for a bad start, a mismatched bracket and a truncated text', () => {
    const fail = (text: string) => {
      try {
        split(text)
      } catch (error) {
        return error as JsonSyntaxError
      }
      throw new Error('expected an error')
    }
    expect(fail('hello').message).toMatch(
      /^expected \[ or \{ .* at line 1, column 1 \(character 1\)/,
    )
    expect(fail('[1,\n 2}').position).toEqual({ offset: 6, line: 2, column: 3 })
    expect(fail('[{"a":"b').problem).toBe('the text ends inside a string (truncated?)')
    expect(fail('[{"a":1}').problem).toBe('the text ends inside an array (truncated?)')
    expect(fail('  \n ').problem).toMatch(/^no JSON value/)
  })
})
