import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { BACKUP_TABLES } from '../db/backup'
import type { TracemarkDB } from '../db/database'
import { openTestDb } from '../testing/test-db'
import { backupDatabase, restoreDatabase } from './backup-job'

/** Every table's rows in key order: what a restore must reproduce. */
async function dump(db: TracemarkDB) {
  const out: Record<string, unknown[]> = {}
  for (const name of BACKUP_TABLES) out[name] = await db.table(name).toArray()
  return out
}

/** Rows of every table, with emoji, CJK, CRLF and values JSON cannot hold. */
async function seed(db: TracemarkDB) {
  const text = '问题：2+2? 🧠🤔 answer\r\n答え 👩‍👩‍👧'
  await db
    .table('datasets')
    .bulkAdd([{ id: 'd1', name: '数据 🧪', status: 'ready', importedAt: 1, traceCount: 600 }])
  const traces = Array.from({ length: 600 }, (_, i) => ({
    id: `d1:${String(i).padStart(4, '0')}`,
    datasetId: 'd1',
    key: `k-${i}-思`,
    problemHash: `h${i % 7}`,
    status: i % 2 ? 'done' : 'todo',
    updatedAt: i,
    tags: ['标签', '🏷️'],
    metrics: { ratio: i === 0 ? NaN : i / 3, neg: -0, none: undefined },
  }))
  await db.table('traces').bulkAdd(traces)
  await db
    .table('texts')
    .bulkAdd(traces.map((t) => ({ traceId: t.id, datasetId: 'd1', reasoning: text })))
  await db.table('annotations').bulkAdd([
    {
      id: 'a1',
      traceId: 'd1:0000',
      label: 'hedge',
      annotator: '李',
      updatedAt: 2,
      start: 4,
      end: 9,
      text: '2+2? ',
    },
    {
      id: 'a2',
      traceId: 'd1:0001',
      label: 'emoji',
      annotator: 'me',
      updatedAt: 3,
      start: 10,
      end: 14,
      text: '🧠🤔',
    },
  ])
  await db
    .table('relations')
    .bulkAdd([{ id: 'r1', traceId: 'd1:0000', from: 'a1', to: 'a2', label: 'supports' }])
  await db
    .table('taxonomies')
    .add({ id: 'mine', name: '我的 🗂️', labels: [{ id: 'x', name: 'X' }] })
  await db.table('lexicons').add({ id: 'lx', name: 'lex ✨', words: ['嗯', 'wait'] })
  await db.table('prefs').bulkAdd([
    { key: 'annotator', value: '李 🙂' },
    { key: 'when', value: new Date(7) },
  ])
  if (BACKUP_TABLES.includes('history')) {
    await db
      .table('history')
      .add({ id: 'h1', traceId: 'd1:0000', seq: 1, change: { text: '思考' } })
  }
}

const asFile = (blob: Blob, name: string) => Object.assign(blob, { name })

describe('backup and restore of the whole database', () => {
  it('restores every table exactly into a new database (round trip)', async () => {
    const source = openTestDb()
    await seed(source)
    const before = await dump(source)
    const progress: number[] = []
    const result = await backupDatabase(source, (p) => progress.push(p.rows))
    expect(result.counts.traces).toBe(600)
    expect(progress.length).toBeGreaterThan(2)
    expect(progress[progress.length - 1]).toBe(
      Object.values(result.counts).reduce((a, b) => a + b, 0),
    )

    const entries = unzipSync(new Uint8Array(await result.blob.arrayBuffer()))
    expect(Object.keys(entries).sort()).toEqual(
      ['manifest.json', ...BACKUP_TABLES.map((t) => `tables/${t}.jsonl`)].sort(),
    )

    const target = openTestDb()
    const restored = await restoreDatabase(
      target,
      asFile(result.blob, 'b.zip'),
      'into-empty',
      () => {},
    )
    expect(restored.counts).toEqual(result.counts)
    const after = await dump(target)
    expect(after).toStrictEqual(before)
    expect((after.traces![0] as { metrics: { ratio: number } }).metrics.ratio).toBeNaN()
  })

  it('refuses to write over work unless told to replace, and replaces everything when told', async () => {
    const source = openTestDb()
    await seed(source)
    const { blob } = await backupDatabase(source, () => {})
    const target = openTestDb()
    await target.table('datasets').add({ id: 'old', name: 'old', status: 'ready', importedAt: 0 })
    await target.table('prefs').add({ key: 'only-here', value: 1 })
    const before = await dump(target)
    await expect(
      restoreDatabase(target, asFile(blob, 'b.zip'), 'into-empty', () => {}),
    ).rejects.toThrow('The database is not empty')
    expect(await dump(target)).toStrictEqual(before)
    await restoreDatabase(target, asFile(blob, 'b.zip'), 'replace', () => {})
    expect(await dump(target)).toStrictEqual(await dump(source))
  })

  it('a bad backup changes nothing and names the file and entry', async () => {
    const source = openTestDb()
    await seed(source)
    const { blob } = await backupDatabase(source, () => {})
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()))
    // The traces file cut off inside its first row.
    files['tables/traces.jsonl'] = files['tables/traces.jsonl']!.slice(0, 100)
    const target = openTestDb()
    await target.table('datasets').add({ id: 'old', name: 'old', status: 'ready', importedAt: 0 })
    const before = await dump(target)
    const bad = asFile(new Blob([zipSync(files)]), 'cut.zip')
    await expect(restoreDatabase(target, bad, 'replace', () => {})).rejects.toThrow(
      /^cut\.zip, entry tables\/traces\.jsonl, line 1: not a valid row/,
    )
    expect(await dump(target)).toStrictEqual(before)

    const other = asFile(new Blob([zipSync({ 'x.txt': strToU8('hi') })]), 'other.zip')
    await expect(restoreDatabase(target, other, 'replace', () => {})).rejects.toThrow(
      'other.zip is not a Tracemark backup: it has no manifest.json entry.',
    )
    const newer = asFile(
      new Blob([
        zipSync({
          'manifest.json': strToU8(
            JSON.stringify({
              app: 'tracemark',
              kind: 'backup',
              formatVersion: 1,
              schemaVersion: 99,
              createdAt: '',
              counts: {},
            }),
          ),
        }),
      ]),
      'new.zip',
    )
    await expect(restoreDatabase(target, newer, 'replace', () => {})).rejects.toThrow(
      'new.zip, entry manifest.json: made by a newer Tracemark (database version 99',
    )
    const notZip = asFile(new Blob(['not a zip']), 'plain.zip')
    await expect(restoreDatabase(target, notZip, 'replace', () => {})).rejects.toThrow(
      'plain.zip is not a Tracemark backup: it is not a zip file.',
    )
    expect(await dump(target)).toStrictEqual(before)
  })

  it('a failure inside the write transaction leaves the database as it was', async () => {
    const source = openTestDb()
    await seed(source)
    const { blob } = await backupDatabase(source, () => {})
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()))
    // Two prefs rows with the same key: the bulkAdd of prefs fails after the earlier tables
    // were already cleared and filled inside the transaction.
    const prefs = new TextDecoder().decode(files['tables/prefs.jsonl'])
    const first = prefs.split('\n')[0]!
    files['tables/prefs.jsonl'] = strToU8(`${first}\n${first}\n`)
    const target = openTestDb()
    await seed(target)
    await target.table('datasets').add({ id: 'extra', name: 'e', status: 'ready', importedAt: 0 })
    const before = await dump(target)
    await expect(
      restoreDatabase(target, asFile(new Blob([zipSync(files)]), 'dup.zip'), 'replace', () => {}),
    ).rejects.toThrow()
    expect(await dump(target)).toStrictEqual(before)
  })
})
