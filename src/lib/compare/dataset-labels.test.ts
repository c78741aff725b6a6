import { describe, expect, it } from 'vitest'
import { DATASET_PALETTE, datasetColours, shortNames } from './dataset-labels'

describe('shortNames', () => {
  it('cuts what the SkyThought file names share, at separators', () => {
    expect(
      shortNames([
        'skythought_sky-t1-math-correct-5k-14b_aime24',
        'skythought_qwen2.5-14b-instruct_aime24',
        'skythought_sky-t1-math-wrong-5k-14b_aime24',
      ]),
    ).toEqual(['sky-t1-math-correct-5k-14b', 'qwen2.5-14b-instruct', 'sky-t1-math-wrong-5k-14b'])
  })

  it('never splits a word and keeps names that would become equal or empty', () => {
    expect(shortNames(['run-alpha', 'run-alpine'])).toEqual(['alpha', 'alpine'])
    expect(shortNames(['a', 'a'])).toEqual(['a', 'a'])
    expect(shortNames(['set', 'set-2'])).toEqual(['set', 'set-2'])
  })

  it('clips long names with an ellipsis', () => {
    const [short] = shortNames(['x'.repeat(40)])
    expect(short).toHaveLength(28)
    expect(short!.endsWith('…')).toBe(true)
  })
})

describe('datasetColours', () => {
  it('gives each dataset its colour by import order, whatever is shown', () => {
    const all = [
      { id: 'b', importedAt: 2 },
      { id: 'a', importedAt: 1 },
      { id: 'c', importedAt: 3 },
    ]
    const colours = datasetColours(all)
    expect(colours.get('a')).toBe(DATASET_PALETTE[0])
    expect(colours.get('b')).toBe(DATASET_PALETTE[1])
    expect(datasetColours([...all].reverse()).get('c')).toBe(DATASET_PALETTE[2])
  })
})
