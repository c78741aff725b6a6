import { describe, expect, it } from 'vitest'
import { TAXONOMY_PRESETS } from '../analysis/taxonomy-presets'
import {
  addLabel,
  copyTaxonomy,
  isPresetTaxonomy,
  labelIdFor,
  moveLabel,
  removeLabel,
  RESERVED_KEYS,
  taxonomyProblems,
  updateLabel,
} from './taxonomy-edit'

const sos = TAXONOMY_PRESETS[0]!

describe('taxonomy editing', () => {
  it('copies a preset with the same label ids, leaving the preset alone', () => {
    const copy = copyTaxonomy(sos, 'mine')
    expect(copy.name).toBe('Style over Substance (copy)')
    expect(copy.labels.map((l) => l.id)).toEqual(sos.labels.map((l) => l.id))
    copy.labels[0]!.name = 'changed'
    expect(sos.labels[0]!.name).toBe('Realization')
    expect(isPresetTaxonomy('sos')).toBe(true)
    expect(isPresetTaxonomy('mine')).toBe(false)
  })

  it('adds a label with a fresh id, name and the next free digit', () => {
    const small = { id: 't', name: 'T', labels: [] }
    const one = addLabel(small)
    const two = addLabel(one)
    expect(two.labels.map((l) => [l.id, l.name, l.shortcut])).toEqual([
      ['new-label', 'New label', '1'],
      ['new-label-2', 'New label 2', '2'],
    ])
    expect(addLabel(two, 'trace').labels[2]).toMatchObject({ level: 'trace', shortcut: '' })
    expect(taxonomyProblems(two)).toEqual([])
  })

  it('removes, moves and changes labels without touching the argument', () => {
    const copy = copyTaxonomy(sos, 'mine')
    const moved = moveLabel(copy, 'verification', -1)
    expect(moved.labels.slice(0, 2).map((l) => l.id)).toEqual(['verification', 'realization'])
    expect(moveLabel(copy, 'realization', -1)).toBe(copy)
    expect(copy.labels[0]!.id).toBe('realization')
    expect(removeLabel(copy, 'backtrack').labels.some((l) => l.id === 'backtrack')).toBe(false)
    const renamed = updateLabel(copy, 'backtrack', { name: 'Turn', color: '#123456' })
    expect(renamed.labels.find((l) => l.id === 'backtrack')).toMatchObject({ name: 'Turn' })
  })

  it('makes label ids from names, unique', () => {
    expect(labelIdFor('Self Checking!', [])).toBe('self-checking')
    expect(labelIdFor('Self checking', ['self-checking'])).toBe('self-checking-2')
    expect(labelIdFor('  ', [])).toBe('label')
  })

  it('refuses duplicate names and shortcuts, reserved keys, bad colours, empty names', () => {
    const copy = copyTaxonomy(sos, 'mine')
    expect(taxonomyProblems(copy)).toEqual([])
    const dupKey = updateLabel(copy, 'verification', { shortcut: '1' })
    expect(taxonomyProblems(dupKey)).toEqual([
      '“Realization” and “Verification” have the same shortcut 1.',
    ])
    const dupName = updateLabel(copy, 'verification', { name: ' realization ' })
    expect(taxonomyProblems(dupName)).toEqual(['Two labels are named “realization”.'])
    const reserved = updateLabel(copy, 'verification', { shortcut: 'j' })
    expect(taxonomyProblems(reserved)[0]).toMatch(/taken by the annotate keyboard/)
    expect(taxonomyProblems(updateLabel(copy, 'verification', { shortcut: 'ab' }))[0]).toMatch(
      /must be one key/,
    )
    expect(taxonomyProblems(updateLabel(copy, 'verification', { color: 'red' }))[0]).toMatch(
      /#rrggbb/,
    )
    expect(taxonomyProblems({ ...copy, name: ' ' })).toEqual(['The taxonomy needs a name.'])
    expect(taxonomyProblems(updateLabel(copy, 'verification', { name: '' }))).toContain(
      'Every label needs a name.',
    )
  })

  it('every preset passes its own rules: no reserved key, no duplicate', () => {
    for (const preset of TAXONOMY_PRESETS) expect(taxonomyProblems(preset), preset.id).toEqual([])
    expect(RESERVED_KEYS.has('1')).toBe(false)
  })
})
