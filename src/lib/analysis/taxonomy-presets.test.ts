import { describe, expect, it } from 'vitest'
import { PIVOT_LEXICON } from './lexicon-presets'
import { DEFAULT_TAXONOMY_ID, TAXONOMY_PRESETS } from './taxonomy-presets'

const RESERVED = new Set(['j', 'k', 'n', 'p', 'u', 'r', 'z', '?'])
const sos = TAXONOMY_PRESETS.find((t) => t.id === 'sos')

describe('taxonomy presets', () => {
  it('ships four taxonomies, Style over Substance by default', () => {
    expect(TAXONOMY_PRESETS.map((t) => t.id)).toEqual([
      'sos',
      'thought-anchors',
      'cognitive-behaviours',
      'reasoning-episodes',
    ])
    expect(DEFAULT_TAXONOMY_ID).toBe('sos')
  })

  it('uses unique ids and unique, unreserved single-character shortcuts', () => {
    for (const taxonomy of TAXONOMY_PRESETS) {
      const ids = taxonomy.labels.map((l) => l.id)
      expect(new Set(ids).size, taxonomy.id).toBe(ids.length)
      const keys = taxonomy.labels.map((l) => l.shortcut).filter((k) => k !== '')
      expect(new Set(keys).size, taxonomy.id).toBe(keys.length)
      for (const key of keys) {
        expect(key).toHaveLength(1)
        expect(RESERVED.has(key.toLowerCase()), key).toBe(false)
      }
      for (const label of taxonomy.labels) expect(label.color).toMatch(/^#[0-9a-f]{6}$/)
      const spanColors = taxonomy.labels.filter((l) => l.level === 'span').map((l) => l.color)
      expect(new Set(spanColors).size, taxonomy.id).toBe(spanColors.length)
    }
  })

  it('gives the pivot labels keys 1-4, backtrack 5, and the pivot lexicon colours', () => {
    const label = (id: string) => sos?.labels.find((l) => l.id === id)
    for (const [i, category] of PIVOT_LEXICON.categories.entries()) {
      expect(label(category.id)).toMatchObject({
        shortcut: String(i + 1),
        color: category.color,
        level: 'span',
      })
    }
    expect(label('backtrack')?.shortcut).toBe('5')
    expect(label('abandoned-branch')?.level).toBe('span')
  })

  it('has the trace-level origin and outcome labels', () => {
    const traceLabels = sos?.labels.filter((l) => l.level === 'trace').map((l) => l.id)
    expect(traceLabels).toEqual([
      'origin-emergent',
      'origin-synthetic',
      'origin-synthetic-wrong',
      'outcome-correct',
      'outcome-incorrect',
    ])
  })

  it('has the label sets of DESIGN section 4', () => {
    const ids = (id: string) => TAXONOMY_PRESETS.find((t) => t.id === id)?.labels.map((l) => l.id)
    expect(ids('thought-anchors')).toEqual([
      'problem_setup',
      'plan_generation',
      'fact_retrieval',
      'active_computation',
      'result_consolidation',
      'uncertainty_management',
      'final_answer_emission',
      'self_checking',
      'unknown',
    ])
    expect(ids('cognitive-behaviours')).toHaveLength(4)
    expect(ids('reasoning-episodes')).toEqual([
      'read',
      'analyze',
      'plan',
      'implement',
      'explore',
      'verify',
      'monitor',
      'answer',
    ])
  })
})
