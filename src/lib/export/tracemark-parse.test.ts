import { describe, expect, it } from 'vitest'
import { sampleBundle } from '../../testing/trace-bundles'
import { parseTracemarkLine, TracemarkParseError } from './tracemark-parse'
import { toTracemarkLine } from './tracemark-jsonl'

type JsonNode = Record<string, unknown>

/**
 * The sample's exported line with the values at some paths (`spans[0].text`) replaced;
 * `undefined` deletes the key.
 */
function spoiled(changes: Record<string, unknown>): string {
  const json = JSON.parse(toTracemarkLine(sampleBundle())) as JsonNode
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.')
    const last = keys.pop() ?? ''
    const node = keys.reduce((parent, key) => parent[key] as JsonNode, json)
    if (value === undefined) Reflect.deleteProperty(node, last)
    else node[last] = value
  }
  return JSON.stringify(json)
}

function parseError(line: string, lineNumber = 3): TracemarkParseError {
  try {
    parseTracemarkLine(line, lineNumber)
  } catch (error) {
    if (error instanceof TracemarkParseError) return error
    throw error
  }
  throw new Error('expected a TracemarkParseError')
}

describe('parseTracemarkLine', () => {
  it('restores the implied ids from the line', () => {
    const record = parseTracemarkLine(toTracemarkLine(sampleBundle()), 1)
    expect(record.trace.datasetId).toBe('d1')
    expect(record.texts).toMatchObject({ traceId: 't1', datasetId: 'd1' })
    expect(record.annotations.map((a) => a.traceId)).toEqual(['t1', 't1'])
    expect(record.relations[0]?.traceId).toBe('t1')
  })

  it('accepts a byte order mark and a trailing CR', () => {
    const line = toTracemarkLine(sampleBundle())
    expect(parseTracemarkLine(`\uFEFF${line}\r`, 1)).toEqual(sampleBundle())
  })

  it('keeps data keys verbatim, __proto__ included', () => {
    const line = toTracemarkLine(sampleBundle())
      .replace('"extra":{', '"extra":{"__proto__":{"x":1},')
      .replace('"pivots":{', '"pivots":{"__proto__":2,')
    const record = parseTracemarkLine(line, 1)
    expect(Object.getPrototypeOf(record.texts.extra)).toBe(Object.prototype)
    expect(Object.hasOwn(record.texts.extra, '__proto__')).toBe(true)
    expect(Object.hasOwn(record.trace.metrics.pivots, '__proto__')).toBe(true)
  })

  it('reads a line written before the per-phrase metrics were added', () => {
    const line = spoiled({
      'trace.metrics.lexicon_hash': undefined,
      'trace.metrics.phrase_counts': undefined,
      'trace.metrics.pivot_positions': undefined,
    })
    const { metrics } = parseTracemarkLine(line, 1).trace
    expect(metrics.lexiconHash).toBe('')
    expect(metrics.phraseCounts).toEqual({})
    expect(metrics.pivotPositions).toEqual(new Array(10).fill(0))
    expect(metrics.pivotTotal).toBe(sampleBundle().trace.metrics.pivotTotal)
  })

  it('rejects pivot positions that are not ten counts', () => {
    for (const bad of [[1, 2], new Array(10).fill(-1), 'x']) {
      const error = parseError(spoiled({ 'trace.metrics.pivot_positions': bad }))
      expect(error.field).toBe('trace.metrics.pivot_positions')
    }
  })

  it('ignores unknown keys, so fields can be added within a version', () => {
    const line = spoiled({ exported_by: 'tracemark 0.2', 'spans[0].colour': 'red' })
    expect(parseTracemarkLine(line, 1)).toEqual(sampleBundle())
  })

  it('names the line for text that is not JSON or not an object', () => {
    expect(parseError('{"format": "tracemark",', 12).message).toMatch(/^line 12: not valid JSON/)
    expect(parseError('[1, 2]', 4).message).toBe('line 4: expected a JSON object, got an array')
    expect(parseError('', 5).message).toMatch(/^line 5: not valid JSON/)
  })

  it.each([
    ['format', 'doccano', 'format', /not a Tracemark line/],
    ['version', 2, 'version', /unsupported version 2; this build reads version 1/],
    ['offset_unit', 'codepoint', 'offset_unit', /one of "utf16"/],
    ['reasoning', undefined, 'reasoning', /missing a string/],
    ['dataset.status', 'done', 'dataset.status', /"importing", "ready"/],
    ['dataset.field_map.problem', 3, 'dataset.field_map.problem', /got number 3/],
    ['trace.metrics.pivots.wait', 'one', 'trace.metrics.pivots.wait', /a number/],
    ['trace.metrics.first_pivot_at', undefined, 'trace.metrics.first_pivot_at', /missing a number/],
    ['trace.ordinal', 1.5, 'trace.ordinal', /non-negative integer/],
    ['trace.correct', 'yes', 'trace.correct', /true or false/],
    ['trace.tags', ['ok', 7], 'trace.tags[1]', /a string/],
    ['trace.tags_by', { ana: ['other'] }, 'trace.tags_by', /"ana" has the tag "other", which tags/],
    ['trace.tags_by', { ana: 'terse' }, 'trace.tags_by.ana', /expected an array/],
    ['trace.tags_by', [], 'trace.tags_by', /an object, got an array/],
    ['extra', [], 'extra', /an object, got an array/],
    ['spans[1]', 'Wait', 'spans[1]', /a JSON object/],
    ['spans[0].field', 'gold', 'spans[0].field', /"problem", "reasoning", "answer"/],
    ['spans[1].origin', 'lexicon', 'spans[1].origin', /"manual"/],
    ['spans[1].id', 's1', 'spans[1].id', /duplicate span id "s1"/],
    [
      'spans[0].text',
      'Hmm,',
      'spans[0].text',
      /reasoning: text at 17..21 is "Wait", not the quote "Hmm,"/,
    ],
    ['spans[0].end', 500, 'spans[0].end', /past the end of the text/],
    ['spans[0].end', 3, 'spans[0].end', /end 3 is before start 17/],
    ['spans[1].end_cp', 34, 'spans[1].end_cp', /is 34, but end 34 is code point 32 of reasoning/],
    ['relations[0].to', 's9', 'relations[0].to', /span "s9" is not on this line/],
  ])('names the field: %s = %j', (path, value, field, message) => {
    const error = parseError(spoiled({ [path]: value }))
    expect(error.lineNumber).toBe(3)
    expect(error.field).toBe(field)
    expect(error.message.startsWith(`line 3, ${field}: `)).toBe(true)
    expect(error.message).toMatch(message)
  })

  it('refuses a span that splits a surrogate pair', () => {
    const { reasoning } = sampleBundle().texts
    const emoji = reasoning.indexOf('😀')
    const text = reasoning.slice(emoji + 1, emoji + 2)
    const error = parseError(
      spoiled({ 'spans[0].start': emoji + 1, 'spans[0].end': emoji + 2, 'spans[0].text': text }),
    )
    expect(error.field).toBe('spans[0].start')
    expect(error.message).toMatch(/offset 9 falls inside a surrogate pair/)
  })
})
