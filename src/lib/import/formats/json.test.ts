import { describe, expect, it } from 'vitest'
import { readJson, readJsonSource } from './json'
import { FormatError, type SourceRecord } from './source-record'
import { chunkedSource, collect, failure, good, utf8 } from './test-support'

/** Records of `text` read in chunks of `size` bytes, with a small probe to exercise streaming. */
const read = (text: string, size = 7, probe?: number, name = 'data.json') =>
  collect(readJsonSource(chunkedSource(utf8(text), size), name, undefined, probe))

const locations = (records: SourceRecord[]) => records.map((r) => r.location)

describe('readJson: a top-level array', () => {
  it('yields one record per element, located by element number', async () => {
    const records = await read('[{"a":1},{"a":[1,[2,{"b":[]}]]},"text",3]')
    expect(good(records)).toEqual([{ a: 1 }, { a: [1, [2, { b: [] }]] }, 'text', 3])
    expect(locations(records).map((l) => `${l.kind} ${l.index}`)).toEqual([
      'element 1',
      'element 2',
      'element 3',
      'element 4',
    ])
  })

  it('yields nothing for an empty array, with or without whitespace', async () => {
    expect(await read('[]')).toEqual([])
    expect(await read(' \r\n[ \n ]\r\n ')).toEqual([])
  })

  it('reads a BOM, CRLF and pretty-printing', async () => {
    const text = '\uFEFF[\r\n  {\r\n    "a": 1\r\n  },\r\n  {"a": 2}\r\n]\r\n'
    expect(good(await read(text))).toEqual([{ a: 1 }, { a: 2 }])
  })

  it('gives the same records whatever the chunking (escapes, unicode, emoji, CJK)', async () => {
    const elements = [
      { t: 'quote " backslash \\ slash / tab \t newline \n', u: 'é 世界 😀 ✔️' },
      { t: '[not, a {structure}]', nested: [[1, 2], { x: ['y', { z: null }] }] },
      { t: '\\"', e: '' },
    ]
    // Unicode escapes, as some exporters write them, including a surrogate pair.
    const text = JSON.stringify(elements, null, 1)
      .replace('😀', '\\ud83d\\ude00')
      .replace('é', '\\u00e9')
    const bytes = utf8(text).length
    for (let size = 1; size <= 13; size++) {
      expect(good(await read(text, size)), `chunks of ${size}`).toEqual(elements)
    }
    for (let cut = 1; cut < bytes; cut += 5) {
      const records = await collect(readJsonSource(chunkedSource(utf8(text), [cut]), 'a.json'))
      expect(good(records), `cut at ${cut}`).toEqual(elements)
    }
  })

  it('makes a bad element a bad record with its line, and goes on', async () => {
    const records = await read('[\n{"a":1},\n{"a":tru},\n{"a":3},\n]')
    expect(records.map((r) => r.ok)).toEqual([true, false, true, false])
    expect(records[1]).toMatchObject({ ok: false, location: { kind: 'element', index: 2 } })
    expect(!records[1]!.ok && records[1]!.reason).toMatch(/^invalid JSON at line 3: /)
    expect(!records[3]!.ok && records[3]!.reason).toBe('empty element (a stray comma at line 5)')
  })

  it('reports bytes read, never decreasing and reaching the size', async () => {
    const text = JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ i })))
    const counts = (await read(text, 16)).map((r) => r.bytesRead)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    expect(counts.at(-1)).toBe(text.length)
  })
})

describe('readJson: an object', () => {
  it('reads a flat object as one record', async () => {
    const object = { prompt: 'p', solution: 's', answer: '42', is_correct: true, n: 1 }
    const records = await read(JSON.stringify(object, null, 2))
    expect(records).toMatchObject([
      { ok: true, record: object, location: { kind: 'element', index: 1 } },
    ])
  })

  it('reads an object holding an array of records, after scalar members', async () => {
    const text = '{"version": 1, "name": "set", "data": [{"q": "a"}, {"q": "b"}], "count": 2}'
    const records = await read(text)
    expect(good(records)).toEqual([{ q: 'a' }, { q: 'b' }])
    expect(locations(records)).toEqual([
      { kind: 'element', index: 1 },
      { kind: 'element', index: 2 },
    ])
  })

  it('keeps a chat record whole: its messages are turns, not records', async () => {
    const chat = {
      id: 1,
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'yo' },
      ],
    }
    expect(good(await read(JSON.stringify(chat)))).toEqual([chat])
  })

  it('keeps a record whole when it has long text beside a list of objects', async () => {
    const record = { problem: 'p'.repeat(300), steps: [{ text: 'a' }, { text: 'b' }] }
    expect(good(await read(JSON.stringify(record)))).toEqual([record])
  })

  it('reads an object keyed by id as one record per member, with the key', async () => {
    const text = '{"q1": {"answer": "1"}, "q2": {"answer": "2", "_key": "own"}}'
    const records = await read(text)
    expect(good(records)).toEqual([
      { _key: 'q1', answer: '1' },
      { _key: 'own', answer: '2' },
    ])
    expect(locations(records)).toEqual([
      { kind: 'key', index: 1, key: 'q1' },
      { kind: 'key', index: 2, key: 'q2' },
    ])
  })

  it('reads an object keyed by problem text, with escapes in the keys', async () => {
    const key = 'What is "2+2"?\nAnswer 😀'
    const records = await read(JSON.stringify({ [key]: { reasoning: 'r' } }), 3)
    expect(good(records)).toEqual([{ _key: key, reasoning: 'r' }])
  })

  it('yields nothing for an empty object', async () => {
    expect(await read('{ }')).toEqual([])
  })
})

describe('readJson: large objects, classified from their first members', () => {
  // A probe of 64 characters stands for the 1 MB one.
  const probe = 64
  const many = Array.from({ length: 40 }, (_, i) => ({ id: i, text: `trace ${i} ✅` }))

  it('streams a large keyed object, a non-object member being a bad record', async () => {
    const keyed: Record<string, unknown> = Object.fromEntries(many.map((m) => [`k${m.id}`, m]))
    keyed.k39 = 'not an object'
    const records = await read(JSON.stringify(keyed, null, 1), 9, probe)
    expect(records).toHaveLength(40)
    expect(good(records)[0]).toEqual({ _key: 'k0', id: 0, text: 'trace 0 ✅' })
    expect(records[39]).toMatchObject({
      ok: false,
      reason: 'the value of key "k39" is a string, not an object',
      location: { kind: 'key', index: 40, key: 'k39' },
    })
  })

  it('streams a large holder object, skipping the members after the array', async () => {
    const text = JSON.stringify({ version: 2, records: many, tail: { a: [1, 2] } })
    const records = await read(text, 11, probe)
    expect(good(records)).toEqual(many)
    expect(records.at(-1)?.location).toEqual({ kind: 'element', index: 40 })
  })

  it('reads a large object with no list of records as one record', async () => {
    const record = { problem: 'p', reasoning: 'r'.repeat(500), steps: ['a', 'b'] }
    expect(good(await read(JSON.stringify(record), 10, probe))).toEqual([record])
  })

  it('still reports a bad structure inside a streamed holder', async () => {
    const text = JSON.stringify({ data: many }).slice(0, -2)
    const error = await failure(
      readJsonSource(chunkedSource(utf8(text), 10), 'big.json', undefined, probe),
    )
    expect(error).toBeInstanceOf(FormatError)
    expect(error.message).toMatch(
      /^big\.json: not valid JSON: the text ends inside an array \(truncated\?\) at line 1, column \d+/,
    )
  })
})

describe('readJson: JSON Lines under a .json name', () => {
  it('reads one value per line as JSON Lines, located by line', async () => {
    const records = await read('{"a":1}\n\n{"a":2}\n{"a":\n{"a":4}\n')
    expect(records.map((r) => r.ok)).toEqual([true, true, false, true])
    expect(locations(records).map((l) => `${l.kind} ${l.index}`)).toEqual([
      'line 1',
      'line 3',
      'line 4',
      'line 5',
    ])
  })

  it('refuses several pretty-printed values, naming where the second starts', async () => {
    const error = await failure(readJson(new Blob(['{\n "a": 1\n}\n{\n "a": 2\n}\n']), 'two.json'))
    expect(error.message).toBe(
      'two.json: not valid JSON: a second JSON value starts at line 4, column 1 (character 13) near "{\\n \\"a\\": 2\\n}\\n"',
    )
  })
})

describe('readJson: whole-file errors', () => {
  const fails = async (text: string, size = 5) => {
    const error = await failure(readJsonSource(chunkedSource(utf8(text), size), 'data.json'))
    expect(error).toBeInstanceOf(FormatError)
    return error.message
  }

  it('names the file, the position and a snippet', async () => {
    expect(await fails('[{"a":1},\n {"b":2}\n')).toBe(
      'data.json: not valid JSON: the text ends inside an array (truncated?) at line 3, column 1 (character 20) near "[{\\"a\\":1},\\n {\\"b\\":2}\\n"',
    )
    expect(await fails('{"a": "b", "c": tru}')).toMatch(
      /^data\.json: not valid JSON at line 1, column 12 \(character 12\) near .*tru.* \(Unexpected token/,
    )
    expect(await fails('{"a": "unterminated')).toMatch(
      /^data\.json: not valid JSON: the text ends inside a string \(truncated\?\)/,
    )
  })

  it('refuses text after the document', async () => {
    expect(await fails('[1, 2] oops', 64)).toBe(
      'data.json: not valid JSON: unexpected text after the end of the JSON value at line 1, column 8 (character 8) near "oops"',
    )
    expect(await fails('{"a": 1}\n}')).toMatch(
      /unexpected text after the end of the JSON value at line 2, column 1/,
    )
  })

  it('refuses a scalar, a non-JSON text and an empty or blank text', async () => {
    expect(await fails('"just a string"')).toMatch(/^data\.json: not valid JSON: expected \[ or \{/)
    expect(await fails('hello')).toMatch(/at line 1, column 1 \(character 1\) near "hello"$/)
    expect(await fails('')).toMatch(/^data\.json: not valid JSON: no JSON value/)
    expect(await fails(' \n\t ')).toMatch(/no JSON value \(the text is empty or only whitespace\)/)
  })
})

describe('readJson: memory', () => {
  it('streams a multi-MB array in small chunks', async () => {
    const element = JSON.stringify({ problem: 'p'.repeat(100), trace: 'Wait, 😀 '.repeat(60) })
    const count = 8_000
    const text = `[${Array.from({ length: count }, () => element).join(',\n')}]`
    expect(text.length).toBeGreaterThan(4_000_000)
    let n = 0
    for await (const r of readJsonSource(chunkedSource(utf8(text), 4096), 'big.json')) if (r.ok) n++
    expect(n).toBe(count)
  })
})
