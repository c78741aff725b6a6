import { describe, expect, it } from 'vitest'
import { describeValue, ShapeError, ShapeReader } from './json-shape'

const reader = (value: unknown) => ShapeReader.of(value)

function shapeError(read: () => unknown): ShapeError {
  try {
    read()
  } catch (error) {
    if (error instanceof ShapeError) return error
    throw error
  }
  throw new Error('expected a ShapeError')
}

describe('ShapeReader', () => {
  it('reads values of the asked type', () => {
    const r = reader({ s: 'x', n: 1.5, c: 3, b: false, nul: null, o: { t: ['a'] }, k: 'done' })
    expect([r.string('s'), r.number('n'), r.count('c'), r.boolean('b')]).toEqual([
      'x',
      1.5,
      3,
      false,
    ])
    expect([r.nullableNumber('nul'), r.nullableBoolean('nul'), r.optionalString('none')]).toEqual([
      null,
      null,
      undefined,
    ])
    expect(r.object('o').strings('t')).toEqual(['a'])
    expect(r.oneOf('k', ['todo', 'done'])).toBe('done')
  })

  it('names the path and says what was found', () => {
    const r = reader({ spans: [{ start: -1 }, { start: 'x' }], o: { n: Infinity } })
    const [first, second] = r.objects('spans')
    expect(shapeError(() => first?.count('start'))).toMatchObject({
      path: 'spans[0].start',
      message: 'spans[0].start: expected a non-negative integer, got number -1',
    })
    expect(shapeError(() => second?.count('start')).message).toBe(
      'spans[1].start: expected a non-negative integer, got the string "x"',
    )
    expect(shapeError(() => second?.string('end')).message).toBe('spans[1].end: missing a string')
    expect(shapeError(() => r.object('o').number('n')).path).toBe('o.n')
  })

  it('does not read inherited properties', () => {
    expect(shapeError(() => reader({}).string('constructor')).message).toBe(
      'constructor: missing a string',
    )
    expect(shapeError(() => reader({}).record('toString')).problem).toBe('missing an object')
  })

  it('rejects non-objects at the root and in arrays', () => {
    expect(shapeError(() => reader(null)).message).toBe('expected a JSON object, got null')
    expect(shapeError(() => reader({ a: [1] }).objects('a')).message).toBe(
      'a[0]: expected a JSON object, got number 1',
    )
    expect(shapeError(() => reader({ a: {} }).strings('a')).problem).toBe(
      'expected an array, got an object',
    )
  })

  it('returns data records as parsed and checks number records', () => {
    const json = JSON.parse('{"extra": {"__proto__": 1}, "p": {"a": 1, "b": "2"}}')
    const extra = reader(json).record('extra')
    expect(extra).toBe(json.extra)
    expect(Object.hasOwn(extra, '__proto__')).toBe(true)
    expect(shapeError(() => reader(json).numberRecord('p')).path).toBe('p.b')
  })

  it('clips long strings in messages', () => {
    expect(describeValue('x'.repeat(100))).toBe(`the string "${'x'.repeat(40)}…"`)
    expect(describeValue(undefined)).toBe('nothing')
  })
})
