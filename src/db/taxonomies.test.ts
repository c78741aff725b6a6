import { describe, expect, it } from 'vitest'
import { TAXONOMY_PRESETS } from '../lib/analysis/taxonomy-presets'
import { copyTaxonomy } from '../lib/annotate/taxonomy-edit'
import { openTestDb } from '../testing/test-db'
import {
  deleteTaxonomy,
  getActiveTaxonomy,
  listTaxonomies,
  saveTaxonomy,
  seedTaxonomyPresets,
  setActiveTaxonomy,
} from './taxonomies'

describe('taxonomies', () => {
  it('a new database holds the four presets, and seeding again adds nothing', async () => {
    const db = openTestDb()
    await db.open()
    expect((await db.taxonomies.toArray()).map((t) => t.id).sort()).toEqual(
      TAXONOMY_PRESETS.map((t) => t.id).sort(),
    )
    expect(await seedTaxonomyPresets(db.taxonomies)).toBe(0)
    await db.taxonomies.delete('thought-anchors')
    expect(await seedTaxonomyPresets(db.taxonomies)).toBe(1)
    expect(await db.taxonomies.count()).toBe(4)
  })

  it('lists presets first, then copies by name; presets cannot be saved or deleted', async () => {
    const db = openTestDb()
    await saveTaxonomy(db, copyTaxonomy(TAXONOMY_PRESETS[0]!, 'z', 'Zed'))
    await saveTaxonomy(db, copyTaxonomy(TAXONOMY_PRESETS[1]!, 'a', 'Alpha'))
    expect((await listTaxonomies(db)).map((t) => t.id)).toEqual([
      ...TAXONOMY_PRESETS.map((t) => t.id),
      'a',
      'z',
    ])
    await expect(saveTaxonomy(db, TAXONOMY_PRESETS[0]!)).rejects.toThrow(/preset/)
    await expect(deleteTaxonomy(db, 'sos')).rejects.toThrow(/preset/)
  })

  it('the active taxonomy is per dataset, then global, then the default', async () => {
    const db = openTestDb()
    expect((await getActiveTaxonomy(db, 'd1')).id).toBe('sos')
    await setActiveTaxonomy(db, null, 'reasoning-episodes')
    await setActiveTaxonomy(db, 'd1', 'thought-anchors')
    expect((await getActiveTaxonomy(db, 'd1')).id).toBe('thought-anchors')
    expect((await getActiveTaxonomy(db, 'd2')).id).toBe('reasoning-episodes')
    await saveTaxonomy(db, copyTaxonomy(TAXONOMY_PRESETS[0]!, 'mine'))
    await setActiveTaxonomy(db, 'd2', 'mine')
    await deleteTaxonomy(db, 'mine')
    expect((await getActiveTaxonomy(db, 'd2')).id).toBe('reasoning-episodes')
    await expect(setActiveTaxonomy(db, 'd1', 'nothing')).rejects.toThrow()
  })
})
