import { describe, expect, it } from 'vitest'
import {
  cohenKappa,
  fleissKappa,
  spanAgreement,
  textKey,
  tokenCategories,
  type AgreementSpan,
} from './agreement'

let next = 0
const span = (annotator: string, start: number, end: number, label: string): AgreementSpan => ({
  id: `s${next++}`,
  traceId: 't1',
  field: 'reasoning',
  start,
  end,
  label,
  annotator,
})

// Text (offsets):  "Wait no. Hmm so yes ok"
//                   0123456789012345678901
// tokens: Wait[0,4) no.[5,8) Hmm[9,12) so[13,15) yes[16,19) ok[20,22)
const TEXT = 'Wait no. Hmm so yes ok'
const SPANS = [
  // ana: Wait=P, Hmm=P, "so yes"=C
  span('ana', 0, 4, 'P'),
  span('ana', 9, 12, 'P'),
  span('ana', 13, 19, 'C'),
  // bo: Wait=P (exact), "Hmm so"=P (overlaps ana's Hmm), "yes"=C (overlaps ana's "so yes")
  span('bo', 0, 4, 'P'),
  span('bo', 9, 15, 'P'),
  span('bo', 16, 19, 'C'),
  // cy: Wait=C, ok=P
  span('cy', 0, 4, 'C'),
  span('cy', 20, 22, 'P'),
]

describe('span agreement (bo against ana)', () => {
  it('exact matching: only "Wait" matches', () => {
    // P: TP 1 (Wait), FP 1 (bo's Hmm so), FN 1 (ana's Hmm): P = R = F1 = 1/2.
    // C: TP 0, FP 1, FN 1: all 0. Overall: TP 1, FP 2, FN 2: P = R = F1 = 1/3.
    const result = spanAgreement(SPANS, 'ana', 'bo', 'exact')
    expect(result.perLabel.get('P')).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5 })
    expect(result.perLabel.get('C')).toMatchObject({ precision: 0, recall: 0, f1: 0 })
    expect(result.overall.precision).toBeCloseTo(1 / 3)
    expect(result.overall.f1).toBeCloseTo(1 / 3)
    expect(result.onlyReference.map((s) => [s.start, s.end])).toEqual([
      [9, 12],
      [13, 19],
    ])
    expect(result.onlyOther.map((s) => [s.start, s.end])).toEqual([
      [9, 15],
      [16, 19],
    ])
  })

  it('overlap matching: all three match', () => {
    const result = spanAgreement(SPANS, 'ana', 'bo', 'overlap')
    expect(result.overall).toMatchObject({ truePositives: 3, precision: 1, recall: 1, f1: 1 })
    expect(result.onlyReference).toEqual([])
  })
})

describe('kappa on token units', () => {
  const texts = new Map([[textKey('t1', 'reasoning'), TEXT]])

  it('gives each token the label of the annotator’s span over it', () => {
    expect(tokenCategories(texts, SPANS, ['ana', 'bo', 'cy'])).toEqual([
      ['P', 'P', 'C'], // Wait
      ['none', 'none', 'none'], // no.
      ['P', 'P', 'none'], // Hmm
      ['C', 'P', 'none'], // so
      ['C', 'C', 'none'], // yes
      ['none', 'none', 'P'], // ok
    ])
  })

  it('Cohen’s kappa, ana and bo, by hand', () => {
    // ana: P P C C none none -> P 2, C 2, none 2 (of 6); bo: P 3, C 1, none 2.
    // Agreement on Wait, no., Hmm, yes, ok: po = 5/6.
    // pe = (2/6)(3/6) + (2/6)(1/6) + (2/6)(2/6) = (6 + 2 + 4)/36 = 1/3.
    // kappa = (5/6 - 1/3) / (1 - 1/3) = (1/2) / (2/3) = 3/4.
    const units = tokenCategories(texts, SPANS, ['ana', 'bo']).map(([a, b]) => [a!, b!] as const)
    expect(cohenKappa(units)).toBeCloseTo(0.75, 10)
  })

  it('Fleiss’ kappa, ana, bo and cy, by hand', () => {
    // n = 3 raters, N = 6 units. Per unit P_i = (sum n_ij^2 - 3) / 6:
    // Wait P2 C1: (4+1-3)/6 = 1/3; no. none3: (9-3)/6 = 1; Hmm P2 none1: 1/3;
    // so C1 P1 none1: 0; yes C2 none1: 1/3; ok none2 P1: 1/3. P̄ = (1/3*4 + 1 + 0)/6 = 7/18.
    // Totals over 18 ratings: P 2+2+1+1 = 6, C 1+1+2 = 4, none 3+1+1+1+2 = 8.
    // Pe = (36 + 16 + 64)/324 = 116/324 = 29/81.
    // kappa = (7/18 - 29/81) / (1 - 29/81) = (63/162 - 58/162) / (104/162) = 5/104.
    expect(fleissKappa(tokenCategories(texts, SPANS, ['ana', 'bo', 'cy']))).toBeCloseTo(5 / 104, 12)
  })

  it('Fleiss’ kappa of two raters is close to Cohen’s, and perfect agreement is 1', () => {
    expect(
      fleissKappa([
        ['a', 'a'],
        ['b', 'b'],
      ]),
    ).toBe(1)
    expect(
      cohenKappa([
        ['a', 'a'],
        ['b', 'b'],
      ]),
    ).toBe(1)
    expect(() => fleissKappa([['a']])).toThrow(RangeError)
  })

  it('kappa is undefined (NaN) when every rating is the same category, or there are no units', () => {
    const allNone = [
      ['none', 'none'],
      ['none', 'none'],
    ] as const
    expect(cohenKappa(allNone)).toBeNaN()
    expect(fleissKappa(allNone)).toBeNaN()
    expect(cohenKappa([])).toBeNaN()
  })
})
