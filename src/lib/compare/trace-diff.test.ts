import { describe, expect, it } from 'vitest'
import { diffTraces } from './trace-diff'

const A = 'First we set up.\n\nThen x = 2.\n\nWait, check it.\n\nSo the answer is 4.'
const B = 'First we set up.\n\nThen   X = 2.\n\nHmm, maybe 3?\n\nSo the answer is 4.'

describe('diffTraces', () => {
  it('marks shared, removed and added steps with offsets into each text', () => {
    const d = diffTraces(A, B, 'step')
    expect(d.complete).toBe(true)
    expect(d.counts).toEqual({ shared: 3, removed: 1, added: 1 })
    const removed = d.a.find((r) => r.kind === 'removed')!
    expect(A.slice(removed.start, removed.end)).toBe('Wait, check it.')
    const added = d.b.find((r) => r.kind === 'added')!
    expect(B.slice(added.start, added.end)).toBe('Hmm, maybe 3?')
    // white space and case do not make a step differ
    expect(d.aligned).toHaveLength(3)
    expect(B.slice(d.aligned[1]![1]).startsWith('Then   X')).toBe(true)
  })

  it('diffs by sentence', () => {
    const d = diffTraces(
      'We add them up. Then we divide by two.',
      'We add them up. Then we halve it.',
      'sentence',
    )
    expect(d.counts).toEqual({ shared: 1, removed: 1, added: 1 })
  })

  it('handles empty texts', () => {
    expect(diffTraces('', 'Only here.', 'step').counts).toEqual({ shared: 0, removed: 0, added: 1 })
  })

  it('every unit of both texts is marked exactly once, in order', () => {
    const long = (seed: number) =>
      Array.from({ length: 300 }, (_, i) => `Step ${(i * seed) % 97} of the proof.`).join('\n\n')
    const d = diffTraces(long(3), long(5), 'step')
    expect(d.a).toHaveLength(300)
    expect(d.b).toHaveLength(300)
    for (const side of [d.a, d.b]) {
      for (let i = 1; i < side.length; i++)
        expect(side[i]!.start).toBeGreaterThan(side[i - 1]!.start)
    }
    expect(d.counts.shared + d.counts.removed).toBe(300)
  })
})
