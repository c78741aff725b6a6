import { describe, expect, it } from 'vitest'
import { slugId } from './slug-id'

describe('slugId', () => {
  it('lower-cases, drops accents and joins words with -', () => {
    expect(slugId('  Self-Vérification  step ', [], 'x')).toBe('self-verification-step')
  })
  it('counts on until the id is free', () => {
    expect(slugId('Wait', ['wait', 'wait-2'], 'x')).toBe('wait-3')
  })
  it('falls back when the name has no letter or digit', () => {
    expect(slugId('🤔 !!', [], 'label')).toBe('label')
    expect(slugId('思考', [], 'label')).toBe('思考')
  })
})
