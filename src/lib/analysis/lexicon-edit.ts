/**
 * Editing lexicons as plain data: copies of presets, phrases and categories added or removed.
 * Every function returns a new lexicon and never changes its argument (React state, Dexie rows).
 */
import type { Lexicon, LexiconCategory } from '../traces/trace-model'
import { phraseKey } from './phrase-pattern'
import { LEXICON_PRESETS } from './lexicon-presets'
import { slugId } from '../text/slug-id'

/** Light colours for new categories, in turn; dark text stays readable on them. */
export const CATEGORY_PALETTE = ['#ffd6a5', '#b9f6c5', '#bde0fe', '#e4c9ff', '#fff3a3', '#ffc9e3']

export function isPresetLexicon(id: string): boolean {
  return LEXICON_PRESETS.some((preset) => preset.id === id)
}

/** A category id from its name: lower case, words joined by `-`, unique within the lexicon. */
export function categoryIdFor(name: string, taken: readonly string[]): string {
  return slugId(name, taken, 'category')
}

export function copyLexicon(source: Lexicon, id: string, name = `${source.name} (copy)`): Lexicon {
  return {
    id,
    name,
    categories: source.categories.map((c) => ({ ...c, phrases: [...c.phrases] })),
  }
}

function updateCategory(
  lexicon: Lexicon,
  categoryId: string,
  change: (c: LexiconCategory) => LexiconCategory,
): Lexicon {
  return {
    ...lexicon,
    categories: lexicon.categories.map((c) => (c.id === categoryId ? change(c) : c)),
  }
}

/** Adds a phrase (trimmed, white space collapsed) unless it is empty or already in the lexicon. */
export function addPhrase(lexicon: Lexicon, categoryId: string, phrase: string): Lexicon {
  const clean = phrase.trim().replace(/\s+/g, ' ')
  const key = phraseKey(clean)
  if (key === '' || lexicon.categories.some((c) => c.phrases.some((p) => phraseKey(p) === key)))
    return lexicon
  return updateCategory(lexicon, categoryId, (c) => ({ ...c, phrases: [...c.phrases, clean] }))
}

export function removePhrase(lexicon: Lexicon, categoryId: string, phrase: string): Lexicon {
  return updateCategory(lexicon, categoryId, (c) => ({
    ...c,
    phrases: c.phrases.filter((p) => p !== phrase),
  }))
}

export function addCategory(lexicon: Lexicon, name: string): Lexicon {
  const taken = lexicon.categories.map((c) => c.id)
  const color = CATEGORY_PALETTE[lexicon.categories.length % CATEGORY_PALETTE.length] ?? '#fff3a3'
  const category = { id: categoryIdFor(name, taken), name: name.trim(), color, phrases: [] }
  return { ...lexicon, categories: [...lexicon.categories, category] }
}

export function removeCategory(lexicon: Lexicon, categoryId: string): Lexicon {
  return { ...lexicon, categories: lexicon.categories.filter((c) => c.id !== categoryId) }
}

export function setCategoryColor(lexicon: Lexicon, categoryId: string, color: string): Lexicon {
  return updateCategory(lexicon, categoryId, (c) => ({ ...c, color }))
}

export function renameCategory(lexicon: Lexicon, categoryId: string, name: string): Lexicon {
  return updateCategory(lexicon, categoryId, (c) => ({ ...c, name }))
}
