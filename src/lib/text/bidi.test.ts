import { describe, expect, it } from 'vitest'
import { bidiPieces, hasBidiControls, isolatedPlain, showBidiControls } from './bidi'

describe('bidi controls', () => {
  it('leaves ordinary text, also right-to-left script, as one piece', () => {
    expect(bidiPieces('report.png')).toEqual([{ text: 'report.png' }])
    expect(hasBidiControls('שלום עולם')).toBe(false)
  })

  it('splits out an override, so "gnp.exe" cannot pass for "exe.png"', () => {
    expect(bidiPieces('evil\u202egnp.exe')).toEqual([
      { text: 'evil' },
      { control: 'RLO', codePoint: 'U+202E' },
      { text: 'gnp.exe' },
    ])
    expect(showBidiControls('a\u2066b\u2069\u200f')).toBe('a⟨LRI⟩b⟨PDI⟩⟨RLM⟩')
  })

  it('keeps astral characters whole', () => {
    expect(showBidiControls('🤔\u202d𝑥')).toBe('🤔⟨LRO⟩𝑥')
  })
})

describe('isolatedPlain', () => {
  it('writes the controls out and wraps the whole in FSI … PDI', () => {
    expect(isolatedPlain('gn\u202ep.exe')).toBe('\u2068gn⟨RLO⟩p.exe\u2069')
    expect(isolatedPlain('plain')).toBe('\u2068plain\u2069')
  })
})
