import { describe, expect, it } from 'vitest'
import { putTraceBatch } from '../db/traces'
import { makeTexts, makeTrace } from '../testing/make-rows'
import { openTestDb } from '../testing/test-db'
import { searchTexts } from './search-job'
import type { SearchBatch } from './search-protocol'

async function seed(datasetId: string, reasonings: string[], problems: string[] = []) {
  const traces = reasonings.map((_, i) => makeTrace(datasetId, i + 1))
  const texts = traces.map((t, i) =>
    makeTexts(t, { reasoning: reasonings[i]!, problem: problems[i] ?? 'p' }),
  )
  return { traces, texts }
}

describe('searchTexts', () => {
  it('reports the matching ids page by page, in problems and reasonings', async () => {
    const db = openTestDb()
    const a = await seed('a', ['Wait, no.', 'fine', 'all good', 'hmm WAIT'], ['', 'wait here'])
    const b = await seed('b', ['wait'])
    await putTraceBatch(db, [...a.traces, ...b.traces], [...a.texts, ...b.texts])
    const batches: SearchBatch[] = []
    const summary = await searchTexts(db, 'wait', [], (x) => batches.push(x), 2)
    expect(batches.flatMap((x) => x.hits)).toEqual([
      a.traces[0]!.id,
      a.traces[1]!.id,
      a.traces[3]!.id,
      b.traces[0]!.id,
    ])
    expect(batches.map((x) => x.scanned)).toEqual([2, 4, 5])
    expect(summary).toEqual({ hits: 4, scanned: 5 })
  })

  it('scans only the datasets asked for', async () => {
    const db = openTestDb()
    const a = await seed('a', ['wait'])
    const ab = await seed('ab', ['wait'])
    await putTraceBatch(db, [...a.traces, ...ab.traces], [...a.texts, ...ab.texts])
    const hits: string[] = []
    const summary = await searchTexts(db, 'wait', ['a'], (x) => hits.push(...x.hits))
    expect(hits).toEqual([a.traces[0]!.id])
    expect(summary.scanned).toBe(1)
  })

  it('does nothing for a query too short to search', async () => {
    const db = openTestDb()
    const batches: SearchBatch[] = []
    expect(await searchTexts(db, 'w', [], (x) => batches.push(x))).toEqual({ hits: 0, scanned: 0 })
    expect(batches).toEqual([])
  })
})
