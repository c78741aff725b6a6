import { describe, expect, it } from 'vitest'
import { sourceKey, suggestName } from './source-name'

describe('source names', () => {
  it('keys a file by its base name without data extensions', () => {
    expect(sourceKey('data/chunks_labeled.json')).toBe('chunks_labeled')
    expect(sourceKey('C:\\runs\\out.jsonl.gz')).toBe('out')
  })

  it('suggests a short dataset name without run settings', () => {
    expect(suggestName('test_Sky-T1_-1_seed0_t0.0_s0_e-1.jsonl')).toBe('Sky-T1')
    expect(suggestName('skythought_sky-t1-math-correct-5k-14b_aime24.jsonl')).toBe(
      'skythought_sky-t1-math-correct-5k-14b_aime24',
    )
    const long = `${'word_'.repeat(20)}end.jsonl`
    expect(suggestName(long).length).toBeLessThanOrEqual(60)
    expect(suggestName(long)).not.toMatch(/_$/)
  })
})
