import { describe, expect, it } from 'vitest'
import { copyLexicon } from '../lib/analysis/lexicon-edit'
import {
  LEXICON_PRESETS,
  PIVOT_LEXICON,
  SELF_REFLECTION_LEXICON,
} from '../lib/analysis/lexicon-presets'
import { openTestDb } from '../testing/test-db'
import {
  deleteLexicon,
  getActiveLexicon,
  getLexicon,
  listLexicons,
  saveLexicon,
  setActiveLexicon,
} from './lexicons'

describe('lexicons', () => {
  it('lists the presets, then stored lexicons by name', async () => {
    const db = openTestDb()
    expect(await listLexicons(db)).toEqual(LEXICON_PRESETS)
    await saveLexicon(db, copyLexicon(PIVOT_LEXICON, 'b', 'Zeta'))
    await saveLexicon(db, copyLexicon(PIVOT_LEXICON, 'a', 'Alpha'))
    const names = (await listLexicons(db)).map((l) => l.name)
    expect(names).toEqual([...LEXICON_PRESETS.map((l) => l.name), 'Alpha', 'Zeta'])
  })

  it('has the default preset active until another is chosen', async () => {
    const db = openTestDb()
    expect(await getActiveLexicon(db)).toEqual(PIVOT_LEXICON)
    await setActiveLexicon(db, SELF_REFLECTION_LEXICON.id)
    expect((await getActiveLexicon(db)).id).toBe(SELF_REFLECTION_LEXICON.id)
    await expect(setActiveLexicon(db, 'nope')).rejects.toThrow(/no lexicon/)
  })

  it('saves edits of a user lexicon and refuses to overwrite or delete a preset', async () => {
    const db = openTestDb()
    const mine = copyLexicon(PIVOT_LEXICON, 'mine', 'Mine')
    await saveLexicon(db, mine)
    await saveLexicon(db, { ...mine, name: 'Mine, edited' })
    expect((await getLexicon(db, 'mine'))?.name).toBe('Mine, edited')
    await expect(saveLexicon(db, { ...PIVOT_LEXICON, name: 'x' })).rejects.toThrow(/preset/)
    await expect(deleteLexicon(db, PIVOT_LEXICON.id)).rejects.toThrow(/preset/)
    expect((await getLexicon(db, PIVOT_LEXICON.id))?.name).toBe(PIVOT_LEXICON.name)
  })

  it('falls back to the default when the active lexicon is deleted', async () => {
    const db = openTestDb()
    await saveLexicon(db, copyLexicon(PIVOT_LEXICON, 'mine', 'Mine'))
    await setActiveLexicon(db, 'mine')
    expect((await getActiveLexicon(db)).id).toBe('mine')
    await deleteLexicon(db, 'mine')
    expect(await getLexicon(db, 'mine')).toBeUndefined()
    expect(await getActiveLexicon(db)).toEqual(PIVOT_LEXICON)
  })
})
