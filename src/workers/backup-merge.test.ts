import { describe, expect, it } from 'vitest'
import { BACKUP_TABLES } from '../db/backup'
import type { TracemarkDB } from '../db/database'
import { putTraceBatch } from '../db/traces'
import { makeAnnotation, makeDataset, makeTexts, makeTrace } from '../testing/make-rows'
import { openTestDb } from '../testing/test-db'
import type { Annotation, Dataset, Trace } from '../lib/traces/trace-model'
import { backupDatabase, restoreDatabase } from './backup-job'

const asFile = (blob: Blob, name: string) => Object.assign(blob, { name })

async function dump(db: TracemarkDB) {
  const out: Record<string, unknown[]> = {}
  for (const name of BACKUP_TABLES) out[name] = await db.table(name).toArray()
  return out
}

/** A dataset of `n` traces (keys 1..n, problem hashes p1..pn, or q1..qn), with its texts. */
async function seedDataset(db: TracemarkDB, over: Partial<Dataset>, n: number, hash = 'p') {
  const dataset = makeDataset({ traceCount: n, ...over })
  await db.datasets.add(dataset)
  const traces = Array.from({ length: n }, (_, i) =>
    makeTrace(dataset.id, i + 1, { problemHash: `${hash}${i + 1}` }),
  )
  await putTraceBatch(
    db,
    traces,
    traces.map((t) => makeTexts(t)),
  )
  return { dataset, traces }
}

const spanOf = (trace: Trace, over: Partial<Annotation>) => makeAnnotation(trace.id, over)

describe('a backup restored onto the data already here (merge)', () => {
  it("adds the backup's spans to the same traces, absent traces and datasets, and leaves the user's things as they are", async () => {
    // Here: dataset "shared" (3 traces), with bo's span on trace 1 and ana's span on trace 2
    // (ana's backup has it too), a taxonomy and the annotator name.
    const here = openTestDb()
    const shared = await seedDataset(here, { id: 'shared', name: 'shared' }, 3)
    const anaSpan = spanOf(shared.traces[1]!, { id: 'ana-2', annotator: 'ana' })
    await here.annotations.bulkAdd([
      spanOf(shared.traces[0]!, { id: 'bo-1', annotator: 'bo', start: 6, end: 9, quote: 'let' }),
      anaSpan,
    ])
    await here.taxonomies.put({ id: 'mine', name: 'edited here', labels: [] })
    await here.prefs.put({ key: 'annotator', value: 'bo' })

    // The backup (ana's database): the same dataset under another id with a fourth trace, ana's
    // spans (one already here, one the same as bo's place but hers) and a relation, her own
    // dataset, her taxonomy copy, her lexicon and prefs.
    const ana = openTestDb()
    const hers = await seedDataset(ana, { id: 'ana-shared', name: 'shared (ana)' }, 4)
    await ana.annotations.bulkAdd([
      spanOf(hers.traces[0]!, { id: 'ana-1', annotator: 'ana', start: 6, end: 9, quote: 'let' }),
      spanOf(hers.traces[1]!, { ...anaSpan, id: 'other-id', traceId: hers.traces[1]!.id }),
      spanOf(hers.traces[3]!, { id: 'bo-1', annotator: 'ana', note: 'id taken here' }),
      spanOf(hers.traces[3]!, { id: 'ana-4', annotator: 'ana' }),
    ])
    await ana.relations.add({
      id: 'rel-1',
      traceId: hers.traces[3]!.id,
      from: 'ana-4',
      to: 'bo-1',
      label: 'depends-on',
      annotator: 'ana',
    })
    await ana.traces.update(hers.traces[0]!.id, {
      status: 'done',
      tags: ['ana-tag', 'hers'],
      tagsBy: { ana: ['ana-tag'] },
    })
    const own = await seedDataset(ana, { id: 'own', name: 'only ana' }, 2, 'q')
    await ana.annotations.add(spanOf(own.traces[0]!, { id: 'own-1', annotator: 'ana' }))
    await ana.taxonomies.put({ id: 'mine', name: 'ana copy', labels: [] })
    await ana.lexicons.put({ id: 'lex-ana', name: 'ana lexicon', categories: [] })
    await ana.prefs.bulkPut([
      { key: 'annotator', value: 'ana' },
      { key: 'only-ana', value: 1 },
    ])
    await ana.history.add({
      id: 'h1',
      traceId: hers.traces[0]!.id,
      seq: 1,
      what: 'label',
      undone: false,
      spans: [],
      relations: [],
    })
    const { blob } = await backupDatabase(ana, () => {})

    const progress: number[] = []
    const result = await restoreDatabase(here, asFile(blob, 'ana.zip'), 'merge', (p) => {
      if (p.phase === 'writing') progress.push(p.rows)
    })
    expect(result.mode).toBe('merge')
    expect(result.merged).toEqual({
      datasetsAdded: 1,
      datasetsMerged: 1,
      tracesAdded: 3,
      tracesMerged: 3,
      spansAdded: 4,
      spansAlreadyHere: 1,
      relationsAdded: 1,
      taxonomiesAdded: 0,
      lexiconsAdded: 1,
      prefsAdded: 1,
    })
    expect(progress.at(-1)).toBeGreaterThan(0)

    const traces = await here.traces.where('datasetId').equals('shared').sortBy('ordinal')
    expect(traces.map((t) => t.key)).toEqual(['1', '2', '3', '4'])
    // The trace's own fields stay as they are here; ana's attributed tag joins.
    expect(traces[0]).toMatchObject({
      status: 'todo',
      tags: ['ana-tag'],
      tagsBy: { ana: ['ana-tag'] },
    })
    expect((await here.datasets.get('shared'))!.traceCount).toBe(4)
    expect(await here.texts.get(traces[3]!.id)).toMatchObject({ datasetId: 'shared' })

    const spans = await here.annotations.toArray()
    const on = (t: Trace) =>
      spans
        .filter((s) => s.traceId === t.id)
        .map((s) => `${s.annotator}:${s.id === 'bo-1' || s.id.startsWith('ana') ? s.id : 'new'}`)
        .sort()
    // Trace 1: bo's span, and ana's at the same place (hers: added, with her id).
    expect(on(traces[0]!)).toEqual(['ana:ana-1', 'bo:bo-1'])
    // Trace 2: ana's span once (the backup's copy under another id is the same span).
    expect(on(traces[1]!)).toEqual(['ana:ana-2'])
    // Trace 4 (added): ana's spans, one whose id a span here has (so a new id).
    expect(on(traces[3]!)).toEqual(['ana:ana-4', 'ana:new'])
    // The relation points to the spans as stored here.
    const relation = (await here.relations.toArray())[0]!
    const renamed = spans.find((s) => s.note === 'id taken here')!
    expect(relation).toMatchObject({ traceId: traces[3]!.id, from: 'ana-4', to: renamed.id })

    // Her own dataset, whole, under its id.
    expect(await here.datasets.get('own')).toMatchObject({ name: 'only ana', traceCount: 2 })
    expect(await here.annotations.get('own-1')).toMatchObject({ annotator: 'ana' })
    // The user's taxonomy and annotator name stay; what is absent comes in; no undo history.
    expect((await here.taxonomies.get('mine'))!.name).toBe('edited here')
    expect(await here.prefs.get('annotator')).toEqual({ key: 'annotator', value: 'bo' })
    expect(await here.prefs.get('only-ana')).toEqual({ key: 'only-ana', value: 1 })
    expect(await here.lexicons.get('lex-ana')).toBeDefined()
    expect(await here.history.count()).toBe(0)

    // Merging the same backup again adds nothing.
    const before = await dump(here)
    const again = await restoreDatabase(here, asFile(blob, 'ana.zip'), 'merge', () => {})
    expect(again.merged).toMatchObject({ tracesAdded: 0, spansAdded: 0, relationsAdded: 0 })
    expect(await dump(here)).toStrictEqual(before)
  })

  it("a database's own backup merged back changes nothing", async () => {
    const db = openTestDb()
    const { traces } = await seedDataset(db, { id: 'd' }, 3)
    await db.annotations.add(spanOf(traces[0]!, { id: 's1' }))
    const { blob } = await backupDatabase(db, () => {})
    const before = await dump(db)
    const result = await restoreDatabase(db, asFile(blob, 'self.zip'), 'merge', () => {})
    expect(result.merged).toMatchObject({ datasetsMerged: 1, tracesMerged: 3, spansAlreadyHere: 1 })
    expect(await dump(db)).toStrictEqual(before)
  })

  it('a merge that fails part way changes nothing', async () => {
    const ana = openTestDb()
    const hers = await seedDataset(ana, { id: 'd' }, 3)
    await ana.annotations.add(spanOf(hers.traces[0]!, { id: 's1', annotator: 'ana' }))
    const { blob } = await backupDatabase(ana, () => {})
    const here = openTestDb()
    const mine = await seedDataset(here, { id: 'd' }, 2)
    await here.annotations.add(spanOf(mine.traces[0]!, { id: 'mine', annotator: 'bo' }))
    const before = await dump(here)
    // The disk fills once the traces are written: the spans' write fails.
    const full = () => {
      throw new Error('QuotaExceededError')
    }
    here.annotations.hook('creating', full)
    await expect(restoreDatabase(here, asFile(blob, 'ana.zip'), 'merge', () => {})).rejects.toThrow(
      'QuotaExceededError',
    )
    here.annotations.hook('creating').unsubscribe(full)
    expect(await dump(here)).toStrictEqual(before)
  })
})
