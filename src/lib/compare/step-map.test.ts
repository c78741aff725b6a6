import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffTraces } from './trace-diff'
import { flipPairs, mapStepPlace, type StepPairs } from './step-map'

describe('mapStepPlace', () => {
  // Steps 0,2,5 of the first trace match steps 1,3,4 of the second (8 steps).
  const pairs: StepPairs = [
    [0, 1],
    [2, 3],
    [5, 4],
  ]

  it('maps a matched step to its match, keeping how far into it the place is', () => {
    expect(mapStepPlace({ index: 2, fraction: 0.4 }, pairs, 8)).toEqual({ index: 3, fraction: 0.4 })
    expect(mapStepPlace({ index: 5, fraction: 0 }, pairs, 8)).toEqual({ index: 4, fraction: 0 })
  })

  it('counts unmatched steps on from the last match, short of the next one', () => {
    // step 1 (unmatched) follows the match 0 -> 1: step 2 of the second trace
    expect(mapStepPlace({ index: 1, fraction: 0.5 }, pairs, 8)).toEqual({
      index: 2,
      fraction: 0.5,
    })
    // steps 3 and 4 follow 2 -> 3, but the next match (5 -> 4) leaves no step between
    expect(mapStepPlace({ index: 3, fraction: 0.5 }, pairs, 8)).toEqual({
      index: 4,
      fraction: 0,
    })
    // after the last match: 5 -> 4, so 7 -> 6
    expect(mapStepPlace({ index: 7, fraction: 0.2 }, pairs, 8)).toEqual({
      index: 6,
      fraction: 0.2,
    })
  })

  it('is plain step number with no alignment, and stops at the end of the last step', () => {
    expect(mapStepPlace({ index: 3, fraction: 0.1 }, [], 8)).toEqual({ index: 3, fraction: 0.1 })
    expect(mapStepPlace({ index: 30, fraction: 0.1 }, [], 8)).toEqual({ index: 7, fraction: 1 })
    expect(mapStepPlace({ index: 3, fraction: 0.1 }, [], 0)).toEqual({ index: 0, fraction: 0 })
  })

  it('before the first match, steps count from the start but stay before it', () => {
    const late: StepPairs = [[6, 2]]
    expect(mapStepPlace({ index: 1, fraction: 0.3 }, late, 5)).toEqual({ index: 1, fraction: 0.3 })
    expect(mapStepPlace({ index: 4, fraction: 0.3 }, late, 5)).toEqual({ index: 1, fraction: 1 })
  })

  it('never moves backwards as the leading trace moves forwards', () => {
    const alignment = fc
      .uniqueArray(fc.tuple(fc.nat(60), fc.nat(60)), { maxLength: 20 })
      .map((raw) => {
        // increasing in both, as a diff's alignment is
        const as = [...new Set(raw.map(([a]) => a))].sort((x, y) => x - y)
        const bs = [...new Set(raw.map(([, b]) => b))].sort((x, y) => x - y)
        return as.slice(0, bs.length).map((a, k) => [a, bs[k]!] as const)
      })
    fc.assert(
      fc.property(alignment, fc.integer({ min: 1, max: 70 }), (pairs, target) => {
        let last = -1
        for (let i = 0; i < 70; i++) {
          for (const fraction of [0, 0.5]) {
            const p = mapStepPlace({ index: i, fraction }, pairs, target)
            const at = p.index + p.fraction
            expect(at).toBeGreaterThanOrEqual(last)
            expect(p.index).toBeLessThan(target)
            last = at
          }
        }
      }),
    )
  })

  it('follows the diff by step of two traces, in both directions', () => {
    const a = 'We set up.\n\nThen x = 2.\n\nWait, check it.\n\nSo the answer is 4.'
    const b = 'Hmm.\n\nWe set up.\n\nThen x = 2.\n\nSo the answer is 4.'
    const { alignedUnits } = diffTraces(a, b, 'step')
    expect(alignedUnits).toEqual([
      [0, 1],
      [1, 2],
      [3, 3],
    ])
    expect(mapStepPlace({ index: 3, fraction: 0 }, alignedUnits, 4).index).toBe(3)
    expect(mapStepPlace({ index: 1, fraction: 0 }, flipPairs(alignedUnits), 4).index).toBe(0)
  })
})
