import { describe, expect, it } from 'vitest'
import { LEXICON_PRESETS } from '../lib/analysis/lexicon-presets'
import { TAXONOMY_PRESETS } from '../lib/analysis/taxonomy-presets'
import { makeAnnotation, makeDataset, makeTexts, makeTrace } from '../testing/make-rows'
import { readAllTables, writeAtVersion, type TableRows } from '../testing/upgrade-harness'
import { TracemarkDB } from './database'
import { listReadyDatasets } from './datasets'
import { applyChange } from './history'
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
    expect(SCHEMA_HISTORY.map((s) => s.version)).toEqual([1, 2, 3])
    expect(CURRENT_VERSION).toBe(3)
  })

  it('opens a v1 database with the current schema and loses nothing', async () => {
    const rows = v1Rows()
    const name = await writeAtVersion(1, rows)
    const db = new TracemarkDB(name)
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    // v3 adds the taxonomy presets beside the user's own taxonomy, and nothing else.
    const expected = { ...rows, taxonomies: [...rows.taxonomies!, ...TAXONOMY_PRESETS] }
    expect(byKey(await readAllTables(db))).toEqual(byKey(expected))
    db.close()
  })

  it('v3: a v2 database gets the taxonomy presets (once), its own taxonomy kept, and an undo log', async () => {
    const rows = v1Rows()
    const name = await writeAtVersion(2, rows)
    const db = new TracemarkDB(name)
    await db.open()
    expect((await db.taxonomies.toArray()).map((t) => t.id).sort()).toEqual(
      ['my-taxonomy', ...TAXONOMY_PRESETS.map((t) => t.id)].sort(),
    )
    const trace = rows.traces![0] as { id: string }
    const entry = await applyChange(db, {
      traceId: trace.id,
      what: 'mark done',
      trace: { status: 'done' },
    })
    expect(await db.history.get(entry.id)).toMatchObject({ what: 'mark done', undone: false })
    db.close()
    // Opening again (no upgrade now) adds nothing twice.
    const again = new TracemarkDB(name)
    expect(await again.taxonomies.count()).toBe(TAXONOMY_PRESETS.length + 1)
    again.close()
  })

  it('v3: a database made new holds the presets', async () => {
    const db = new TracemarkDB(`fresh-${Date.now()}`)
    expect((await db.taxonomies.toArray()).map((t) => t.id)).toEqual(
      TAXONOMY_PRESETS.map((t) => t.id).sort(),
    )
    db.close()
  })

  it('v2: ready datasets come in import order from the new index', async () => {
    const name = await writeAtVersion(1, v1Rows())
    const db = new TracemarkDB(name)
    expect((await listReadyDatasets(db)).map((d) => d.id)).toEqual(['d-old', 'd-new'])
    db.close()
  })
})
