import { describe, expect, it } from 'vitest'
import { LEXICON_PRESETS } from '../lib/analysis/lexicon-presets'
import { TAXONOMY_PRESETS } from '../lib/analysis/taxonomy-presets'
import { makeAnnotation, makeDataset, makeTexts, makeTrace } from '../testing/make-rows'
import { readAllTables, writeAtVersion, type TableRows } from '../testing/upgrade-harness'
import { TracemarkDB } from './database'
import { listReadyDatasets } from './datasets'
import { CURRENT_VERSION, SCHEMA_HISTORY } from './schema-history'

/** One of everything a v1 database can hold, with values that an upgrade could mangle. */
function v1Rows(): TableRows {
  const older = makeDataset({ id: 'd-old', name: 'older', importedAt: 1000 })
  const newer = makeDataset({ id: 'd-new', name: 'newer', importedAt: 2000 })
  const importing = makeDataset({ id: 'd-busy', status: 'importing', importedAt: 1500 })
  const trace = makeTrace(older.id, 0, { tags: ['b', 'a'] })
  const other = makeTrace(newer.id, 0)
  const span = makeAnnotation(trace.id, { quote: 'Wait', note: 'emoji 😀 and 中文' })
  const lexicon = { ...LEXICON_PRESETS[0]!, id: 'mine', name: 'Mine' }
  return {
    datasets: [older, newer, importing],
    traces: [trace, other],
    texts: [makeTexts(trace, { reasoning: 'Wait.\n\n中文 😀' }), makeTexts(other)],
    annotations: [span],
    relations: [
      {
        id: 'r1',
        traceId: trace.id,
        from: span.id,
        to: span.id,
        label: 'refers',
        annotator: 'ada',
      },
    ],
    taxonomies: [{ ...TAXONOMY_PRESETS[0]!, id: 'my-taxonomy' }],
    lexicons: [lexicon],
    prefs: [
      { key: 'annotator', value: 'ada' },
      { key: 'traceColumnSizing', value: { words: 120 } },
    ],
  }
}

const byKey = (rows: TableRows) =>
  Object.fromEntries(
    Object.entries(rows).map(([table, list]) => [
      table,
      [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ]),
  )

describe('schema upgrades', () => {
  it('lists every version in order, ending at the one the app opens', () => {
    expect(SCHEMA_HISTORY.map((s) => s.version)).toEqual([1, 2])
    expect(CURRENT_VERSION).toBe(2)
  })

  it('opens a v1 database with the current schema and loses nothing', async () => {
    const rows = v1Rows()
    const name = await writeAtVersion(1, rows)
    const db = new TracemarkDB(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    expect(byKey(await readAllTables(db))).toEqual(byKey(rows))
    db.close()
  })

  it('v2: ready datasets come in import order from the new index', async () => {
    const name = await writeAtVersion(1, v1Rows())
    const db = new TracemarkDB(name)
    expect((await listReadyDatasets(db)).map((d) => d.id)).toEqual(['d-old', 'd-new'])
    db.close()
  })
})
