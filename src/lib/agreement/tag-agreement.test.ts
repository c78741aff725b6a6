import { describe, expect, it } from 'vitest'
import { tagAgreement, type TaggedTrace } from './tag-agreement'

describe('tag agreement (kappa on "has the tag" per trace)', () => {
  it("Cohen's kappa for two annotators, per tag and pooled, computed by hand", () => {
    const traces: TaggedTrace[] = [
      { id: 't1', tagsBy: { ana: ['x'], ben: ['x'] } },
      { id: 't2', tagsBy: { ana: ['x', 'y'], ben: ['x', 'y'] } },
      { id: 't3', tagsBy: { ana: [], ben: ['x'] } },
      { id: 't4', tagsBy: { ana: ['y'], ben: [] } },
      { id: 't5', tagsBy: { ana: [], ben: [] } },
      // Not units: ben has no entry on t6, nobody on t7 (legacy tags are not in tagsBy).
      { id: 't6', tagsBy: { ana: ['x'] } },
      { id: 't7' },
    ]
    const result = tagAgreement(traces, ['ana', 'ben'])
    expect(result.traces).toBe(5)
    // x: ana Y Y N N N, ben Y Y Y N N. po = 4/5 = 0.8; p(ana Y) = 2/5, p(ben Y) = 3/5;
    //    pe = 0.4 * 0.6 + 0.6 * 0.4 = 0.48; kappa = (0.8 - 0.48) / (1 - 0.48) = 0.32 / 0.52 = 8/13.
    // y: ana N Y N Y N, ben N Y N N N. po = 0.8; p(ana Y) = 2/5, p(ben Y) = 1/5;
    //    pe = 0.4 * 0.2 + 0.6 * 0.8 = 0.56; kappa = 0.24 / 0.44 = 6/11.
    // overall, 10 (trace, tag) pairs: 8 agree, po = 0.8; ana Y 4/10, ben Y 4/10;
    //    pe = 0.4 * 0.4 + 0.6 * 0.6 = 0.52; kappa = 0.28 / 0.48 = 7/12.
    const [x, y] = result.perTag
    expect(x).toMatchObject({ tag: 'x', method: 'cohen', units: 5, positives: [2, 3] })
    expect(x!.kappa).toBeCloseTo(8 / 13, 10)
    expect(y).toMatchObject({ tag: 'y', units: 5, positives: [2, 1] })
    expect(y!.kappa).toBeCloseTo(6 / 11, 10)
    expect(result.overall).toMatchObject({ tag: null, units: 10, positives: [4, 4] })
    expect(result.overall.kappa).toBeCloseTo(7 / 12, 10)
  })

  it("Fleiss' kappa for three annotators, computed by hand", () => {
    const traces: TaggedTrace[] = [
      { id: 'u1', tagsBy: { a: ['x'], b: ['x'], c: ['x'] } },
      { id: 'u2', tagsBy: { a: ['x'], b: ['x'], c: [] } },
      { id: 'u3', tagsBy: { a: [], b: [], c: [] } },
      { id: 'u4', tagsBy: { a: ['x'], b: [], c: [] } },
      // c has no entry: not a unit.
      { id: 'u5', tagsBy: { a: ['x'], b: [] } },
    ]
    const result = tagAgreement(traces, ['a', 'b', 'c'])
    // n = 3 raters, N = 4 units; yes/no counts per unit: (3,0) (2,1) (0,3) (1,2).
    // P_i = (sum of squared counts - n) / (n (n - 1)): (9-3)/6 = 1, (4+1-3)/6 = 1/3, 1, 1/3;
    // P-bar = (1 + 1/3 + 1 + 1/3) / 4 = 2/3. p(yes) = 6/12 = 0.5, p(no) = 0.5, Pe = 0.5;
    // kappa = (2/3 - 1/2) / (1 - 1/2) = 1/3. Only tag x, so overall is the same.
    expect(result.traces).toBe(4)
    expect(result.perTag).toHaveLength(1)
    expect(result.perTag[0]).toMatchObject({ tag: 'x', method: 'fleiss', positives: [3, 2, 1] })
    expect(result.perTag[0]!.kappa).toBeCloseTo(1 / 3, 10)
    expect(result.overall.kappa).toBeCloseTo(1 / 3, 10)
  })

  it('undefined kappa has a reason: no variation, no unit, no tag at all', () => {
    const same = tagAgreement(
      [
        { id: 't1', tagsBy: { a: ['q'], b: ['q'] } },
        { id: 't2', tagsBy: { a: ['q'], b: ['q'] } },
      ],
      ['a', 'b'],
    )
    expect(same.perTag[0]).toMatchObject({ tag: 'q', kappa: null })
    expect(same.perTag[0]!.reason).toMatch(/no variation.*has the tag/)
    const none = tagAgreement([{ id: 't1', tagsBy: { a: ['q'] } }], ['a', 'b'])
    expect(none).toMatchObject({ traces: 0, perTag: [], overall: { kappa: null } })
    expect(none.overall.reason).toMatch(/no trace has tags from every one/)
    const empty = tagAgreement([{ id: 't1', tagsBy: { a: [], b: [] } }], ['a', 'b'])
    expect(empty.overall).toMatchObject({ kappa: null, units: 0 })
    expect(empty.overall.reason).toMatch(/none of them gave any tag/)
    // Opposite constant answers vary across annotators: kappa is defined (0).
    const opposite = tagAgreement([{ id: 't1', tagsBy: { a: ['q'], b: [] } }], ['a', 'b'])
    expect(opposite.perTag[0]!.kappa).toBe(0)
  })
})
