import { describe, expect, it } from 'vitest'
import { openTestDb } from '../testing/test-db'
import { clearRecomputeRun, getRecomputeRun, markRecomputeRun } from './recompute-run'

describe('the recompute run mark', () => {
  it('is stored until its own run clears it; a later run keeps its mark', async () => {
    const db = openTestDb()
    expect(await getRecomputeRun(db)).toBeNull()
    const first = { runId: 'a', lexiconId: 'sos-pivots', startedAt: 1 }
    await markRecomputeRun(db, first)
    expect(await getRecomputeRun(db)).toEqual(first)
    const second = { runId: 'b', lexiconId: 'reflection-tokens', startedAt: 2 }
    await markRecomputeRun(db, second)
    await clearRecomputeRun(db, 'a')
    expect(await getRecomputeRun(db)).toEqual(second)
    await clearRecomputeRun(db, 'b')
    expect(await getRecomputeRun(db)).toBeNull()
  })
})
