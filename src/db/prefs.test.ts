import { describe, expect, it } from 'vitest'
import { openTestDb } from '../testing/test-db'
import { getPref, setPref } from './prefs'

describe('prefs', () => {
  it('returns the fallback until a value is stored, then the value', async () => {
    const db = openTestDb()
    expect(await getPref(db, 'annotator', 'anon')).toBe('anon')
    await setPref(db, 'annotator', 'ana')
    expect(await getPref(db, 'annotator', 'anon')).toBe('ana')
    await setPref(db, 'annotator', 'bo')
    expect(await db.prefs.count()).toBe(1)
  })
})
