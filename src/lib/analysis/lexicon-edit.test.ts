import { describe, expect, it } from 'vitest'
import {
  addCategory,
  addPhrase,
  categoryIdFor,
  copyLexicon,
  isPresetLexicon,
  removeCategory,
  removePhrase,
  setCategoryColor,
} from './lexicon-edit'
import type { Lexicon } from '../traces/trace-model'
import { PIVOT_LEXICON } from './lexicon-presets'

describe('lexicon editing', () => {
  it('copies a preset deeply, so editing the copy leaves the preset alone', () => {
    const copy = copyLexicon(PIVOT_LEXICON, 'mine')
    const edited = addPhrase(copy, 'realization', 'aha')
    expect(edited.categories[0]?.phrases.at(-1)).toBe('aha')
    expect(PIVOT_LEXICON.categories[0]?.phrases).not.toContain('aha')
    expect(copy.categories[0]?.phrases).not.toContain('aha')
    expect(copy).toMatchObject({ id: 'mine', name: 'Style over Substance pivots (copy)' })
    expect(isPresetLexicon(PIVOT_LEXICON.id)).toBe(true)
    expect(isPresetLexicon('mine')).toBe(false)
  })

  it('adds a phrase once, ignoring case, white space and apostrophe style anywhere in the lexicon', () => {
    const copy = copyLexicon(PIVOT_LEXICON, 'mine')
    expect(addPhrase(copy, 'exploration', '  WAIT ')).toBe(copy)
    expect(addPhrase(copy, 'exploration', 'Let’s   try')).toBe(copy)
    expect(addPhrase(copy, 'exploration', '   ')).toBe(copy)
    const added = addPhrase(copy, 'exploration', ' how  about ')
    expect(added.categories[2]?.phrases.at(-1)).toBe('how about')
    expect(removePhrase(added, 'exploration', 'how about')).toEqual(copy)
  })

  it('adds categories with unique ids and palette colours, recolours and removes them', () => {
    let lexicon: Lexicon = { id: 'x', name: 'x', categories: [] }
    lexicon = addCategory(addCategory(lexicon, 'Self check'), 'Self check!')
    expect(lexicon.categories.map((c) => c.id)).toEqual(['self-check', 'self-check-2'])
    expect(lexicon.categories[0]?.color).not.toBe(lexicon.categories[1]?.color)
    lexicon = setCategoryColor(lexicon, 'self-check', '#123456')
    expect(lexicon.categories[0]?.color).toBe('#123456')
    expect(removeCategory(lexicon, 'self-check').categories.map((c) => c.id)).toEqual([
      'self-check-2',
    ])
    expect(categoryIdFor('  ', [])).toBe('category')
    expect(categoryIdFor('Réflexion 2', [])).toBe('reflexion-2')
  })
})
