import { describe, expect, it } from 'vitest'
import { classifyLargeObject, elementRecord, memberRecord, objectRecords } from './json-shapes'
import type { JsonItem } from './json-splitter'

const item = (text: string, line = 1): JsonItem => ({ text, start: { offset: 0, line, column: 1 } })
const shapeOf = (value: Record<string, unknown>) =>
  [...objectRecords(value, () => 0)].map((r) => (r.ok ? r.record : r.reason))

describe('objectRecords', () => {
  it('reads every-member-an-object as keyed, a list of objects as a holder, else one record', () => {
    expect(shapeOf({ a: { x: 1 }, b: { x: 2 } })).toEqual([
      { _key: 'a', x: 1 },
      { _key: 'b', x: 2 },
    ])
    expect(shapeOf({ n: 2, rows: [{ x: 1 }, { x: 2 }] })).toEqual([{ x: 1 }, { x: 2 }])
    expect(shapeOf({ n: 2, rows: [], tags: ['a'] })).toEqual([{ n: 2, rows: [], tags: ['a'] }])
    expect(shapeOf({ conversations: [{ from: 'human', value: 'hi' }] })).toEqual([
      { conversations: [{ from: 'human', value: 'hi' }] },
    ])
  })
})

describe('classifyLargeObject', () => {
  const current = (text: string, offset = 100) => ({ text, offset })

  it('is keyed when the members so far are objects', () => {
    expect(classifyLargeObject([item('"a": {"x": 1}')], current('"b": {"x"'))).toEqual({
      mode: 'keyed',
    })
    expect(classifyLargeObject([], current(' "a": {"x": "long'))).toEqual({ mode: 'keyed' })
  })

  it('is a holder when the large member is an array of objects, giving where its value starts', () => {
    const shape = classifyLargeObject(
      [item('"version": 1')],
      current('\n "data" : [ {"x": 1}, {"x'),
    )
    expect(shape).toEqual({ mode: 'holder', key: 'data', valueOffset: 100 + '\n "data" : '.length })
  })

  it('is one record for chat turns, long text beside the list, or anything else', () => {
    expect(classifyLargeObject([], current('"messages": [{"role": "user"'))).toEqual({
      mode: 'single',
    })
    const long = item(`"problem": "${'p'.repeat(300)}"`)
    expect(classifyLargeObject([long], current('"steps": [{"a": 1}'))).toEqual({ mode: 'single' })
    expect(classifyLargeObject([item('"a": 1')], current('"trace": "very long'))).toEqual({
      mode: 'single',
    })
  })
})

describe('elementRecord and memberRecord', () => {
  it('turn item texts into records or located reasons', () => {
    expect(elementRecord(item(' {"a": 1} '), 3)).toEqual({
      ok: true,
      record: { a: 1 },
      location: { kind: 'element', index: 3 },
    })
    expect(elementRecord(item('{"a": }', 7), 1)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^invalid JSON at line 7: /),
    })
    expect(memberRecord(item('"q\\"1": {"a": 1}'), 2)).toEqual({
      ok: true,
      record: { _key: 'q"1', a: 1 },
      location: { kind: 'key', index: 2, key: 'q"1' },
    })
    expect(memberRecord(item('"q2": {"a": }', 4), 5)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^invalid JSON at line 4: /),
      location: { kind: 'key', index: 5, key: 'q2' },
    })
  })
})
