import { describe, expect, it } from 'vitest'
import {
  backupFileName,
  BackupError,
  buildManifest,
  checkManifest,
  decodeValue,
  encodeRow,
  encodeValue,
  parseTableEntry,
  tableEntryName,
  tableOfEntry,
} from './backup-format'

const TABLES = ['datasets', 'traces', 'prefs']

describe('backup entry naming', () => {
  it('names a table file and reads it back; other entries are no table', () => {
    expect(tableEntryName('traces')).toBe('tables/traces.jsonl')
    expect(tableOfEntry('tables/traces.jsonl')).toBe('traces')
    expect(tableOfEntry('manifest.json')).toBeNull()
    expect(tableOfEntry('tables/../x.jsonl')).toBeNull()
    expect(backupFileName('2026-12-02T05:20:01.123Z')).toBe(
      'tracemark-backup-2026-12-02T05-20-01.zip',
    )
  })
})

describe('the manifest', () => {
  const manifest = buildManifest(3, { datasets: 1, traces: 2, prefs: 0 }, '2026-12-02T00:00:00Z')
  const entries = ['manifest.json', 'tables/datasets.jsonl', 'tables/traces.jsonl']
  const check = (text: string | null, current = 3, list = entries) =>
    checkManifest('b.zip', list, text, current, TABLES)

  it('is built with app, schema version, counts and time, and passes its own check', () => {
    expect(manifest).toEqual({
      app: 'tracemark',
      kind: 'backup',
      formatVersion: 1,
      schemaVersion: 3,
      createdAt: '2026-12-02T00:00:00Z',
      counts: { datasets: 1, traces: 2, prefs: 0 },
    })
    expect(check(JSON.stringify(manifest))).toEqual(manifest)
    // An older schema's backup is accepted.
    expect(check(JSON.stringify({ ...manifest, schemaVersion: 2 })).schemaVersion).toBe(2)
  })

  it('refuses a zip that is not a Tracemark backup, naming the file and entry', () => {
    expect(() => check(null)).toThrow('b.zip is not a Tracemark backup: it has no manifest.json')
    expect(() => check('{')).toThrow(/b\.zip.*entry manifest\.json: not valid JSON/)
    expect(() => check(JSON.stringify({ ...manifest, app: 'other' }))).toThrow(
      /b\.zip is not a Tracemark backup \(b\.zip, entry manifest\.json/,
    )
  })

  it('refuses a newer schema version, saying to update', () => {
    const newer = JSON.stringify({ ...manifest, schemaVersion: 4 })
    expect(() => check(newer)).toThrow(BackupError)
    expect(() => check(newer)).toThrow(
      'b.zip, entry manifest.json: made by a newer Tracemark (database version 4; this one has version 3)',
    )
  })

  it('refuses unknown tables and a table with rows but no entry', () => {
    expect(() => check(JSON.stringify({ ...manifest, counts: { ghosts: 1 } }))).toThrow(
      'unknown table "ghosts"',
    )
    expect(() => check(JSON.stringify(manifest), 3, ['manifest.json'])).toThrow(
      'b.zip: entry tables/datasets.jsonl is missing',
    )
  })
})

describe('rows', () => {
  it('keep what JSON cannot hold, exactly', () => {
    const row = {
      id: 'a',
      text: '思考 🤔 e\u0301 \r\n',
      nan: NaN,
      inf: [Infinity, -Infinity, -0, undefined],
      gone: undefined,
      when: new Date(5),
      vec: new Float32Array([1.5, NaN]),
      nested: { $tm: 'not a tag', deep: [{ $tm: 'num', v: 'NaN' }] },
    }
    const back = decodeValue(JSON.parse(encodeRow(row))) as typeof row
    expect(back).toStrictEqual(row)
    expect(Object.is(back.inf[2], -0)).toBe(true)
    expect('gone' in back).toBe(true)
    expect(back.vec).toBeInstanceOf(Float32Array)
    expect(encodeValue('plain')).toBe('plain')
  })

  it('are counted against the manifest, a bad line named', () => {
    const text = `${encodeRow({ id: 'a' })}\n${encodeRow({ id: 'b' })}\n`
    expect(parseTableEntry('b.zip', 'traces', text, 2)).toEqual([{ id: 'a' }, { id: 'b' }])
    expect(() => parseTableEntry('b.zip', 'traces', text, 3)).toThrow(
      'b.zip, entry tables/traces.jsonl: 2 rows where the manifest counts 3',
    )
    expect(() => parseTableEntry('b.zip', 'traces', `${encodeRow({ id: 'a' })}\n{"id`, 2)).toThrow(
      'b.zip, entry tables/traces.jsonl, line 2: not a valid row.',
    )
  })
})
