import { describe, expect, it } from 'vitest'
import { openTestDb } from '../testing/test-db'

describe('database schema', () => {
  it('has every table of the design, with its primary key', async () => {
    const db = openTestDb()
    await db.open()
    const keys = Object.fromEntries(db.tables.map((t) => [t.name, t.schema.primKey.name]))
    expect(keys).toEqual({
      datasets: 'id',
      traces: 'id',
      texts: 'traceId',
      annotations: 'id',
      relations: 'id',
      taxonomies: 'id',
      lexicons: 'id',
      prefs: 'key',
      // v3: the annotate undo log.
      history: 'id',
    })
    db.close()
  })
})
