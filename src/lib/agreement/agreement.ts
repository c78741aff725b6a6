/**
 * Agreement between annotators on span labels (DESIGN section 6), pure:
 * - span precision, recall and F1 of one annotator against another (the reference), per label
 *   and overall (micro), with exact matching (same trace, field, start, end and label) or overlap
 *   matching (same trace, field and label, the spans share at least one character; each span
 *   matched at most once, greedily in reading order);
 * - Cohen's kappa (two annotators) and Fleiss' kappa (two or more) on token units: every
 *   whitespace-separated token of the annotated texts is one unit, and an annotator's category
 *   for it is the label of the first of their spans (in reading order) that overlaps the token,
 *   or "none";
 * - the disagreements: spans one annotator has and the other has not (under the matching chosen).
 */

export interface AgreementSpan {
  id: string
  traceId: string
  field: string
  start: number
  end: number
  label: string
  annotator: string
}

export type Matching = 'exact' | 'overlap'

export interface Score {
  truePositives: number
  falsePositives: number
  falseNegatives: number
  precision: number
  recall: number
  f1: number
}

export interface SpanAgreement {
  perLabel: Map<string, Score>
  overall: Score
  /** Spans of the reference without a match in the other annotator's (missed by them). */
  onlyReference: AgreementSpan[]
  /** Spans of the other annotator without a match in the reference's. */
  onlyOther: AgreementSpan[]
}

export const NO_LABEL = 'none'

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 }
}

const byReadingOrder = (a: AgreementSpan, b: AgreementSpan) =>
  a.traceId < b.traceId
    ? -1
    : a.traceId > b.traceId
      ? 1
      : a.field < b.field
        ? -1
        : a.field > b.field
          ? 1
          : a.start - b.start || a.end - b.end

function matches(a: AgreementSpan, b: AgreementSpan, matching: Matching): boolean {
  if (a.traceId !== b.traceId || a.field !== b.field || a.label !== b.label) return false
  return matching === 'exact'
    ? a.start === b.start && a.end === b.end
    : a.start < b.end && b.start < a.end
}

/** `other`'s spans scored against `reference`'s. */
export function spanAgreement(
  spans: readonly AgreementSpan[],
  reference: string,
  other: string,
  matching: Matching,
): SpanAgreement {
  const ref = spans.filter((s) => s.annotator === reference).sort(byReadingOrder)
  const oth = spans.filter((s) => s.annotator === other).sort(byReadingOrder)
  const used = new Set<AgreementSpan>()
  const matched = new Set<AgreementSpan>()
  for (const r of ref) {
    const hit = oth.find((o) => !used.has(o) && matches(r, o, matching))
    if (hit) {
      used.add(hit)
      matched.add(r)
    }
  }
  const onlyReference = ref.filter((r) => !matched.has(r))
  const onlyOther = oth.filter((o) => !used.has(o))
  const labels = [...new Set([...ref, ...oth].map((s) => s.label))].sort()
  const perLabel = new Map<string, Score>()
  let tpAll = 0
  let fpAll = 0
  let fnAll = 0
  for (const label of labels) {
    const tp = [...matched].filter((s) => s.label === label).length
    const fp = onlyOther.filter((s) => s.label === label).length
    const fn = onlyReference.filter((s) => s.label === label).length
    perLabel.set(label, score(tp, fp, fn))
    tpAll += tp
    fpAll += fp
    fnAll += fn
  }
  return { perLabel, overall: score(tpAll, fpAll, fnAll), onlyReference, onlyOther }
}

/** Token units of a text: [start, end) of every run of non-white-space. */
export function tokenUnits(text: string): [number, number][] {
  return [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length])
}

/**
 * The category each annotator gives each token unit of the texts (by trace and field):
 * `units[i][k]` is annotator k's label for unit i, or NO_LABEL.
 */
export function tokenCategories(
  texts: ReadonlyMap<string, string>,
  spans: readonly AgreementSpan[],
  annotators: readonly string[],
): string[][] {
  const units: string[][] = []
  const keyOf = (s: { traceId: string; field: string }) => `${s.traceId}\u0000${s.field}`
  const grouped = new Map<string, AgreementSpan[]>()
  for (const s of [...spans].sort(byReadingOrder)) {
    const list = grouped.get(keyOf(s)) ?? []
    list.push(s)
    grouped.set(keyOf(s), list)
  }
  for (const [key, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const here = grouped.get(key) ?? []
    for (const [start, end] of tokenUnits(text)) {
      units.push(
        annotators.map(
          (annotator) =>
            here.find((s) => s.annotator === annotator && s.start < end && start < s.end)?.label ??
            NO_LABEL,
        ),
      )
    }
  }
  return units
}

/** Text key for tokenCategories: a trace's field. */
export function textKey(traceId: string, field: string): string {
  return `${traceId}\u0000${field}`
}

/**
 * Cohen's kappa of two raters over units (`[a, b]` per unit). NaN (undefined) when there are no
 * units or every rating is the same category: chance agreement is then 1 and kappa is 0/0; the
 * view says n/a rather than a perfect 1 that no one earned.
 */
export function cohenKappa(units: readonly (readonly [string, string])[]): number {
  const n = units.length
  if (n === 0) return NaN
  const a = new Map<string, number>()
  const b = new Map<string, number>()
  let agree = 0
  for (const [x, y] of units) {
    if (x === y) agree += 1
    a.set(x, (a.get(x) ?? 0) + 1)
    b.set(y, (b.get(y) ?? 0) + 1)
  }
  const po = agree / n
  let pe = 0
  for (const [category, count] of a) pe += (count / n) * ((b.get(category) ?? 0) / n)
  return pe === 1 ? NaN : (po - pe) / (1 - pe)
}

/** Fleiss' kappa over units each rated by the same number (≥ 2) of raters; NaN as Cohen's. */
export function fleissKappa(units: readonly (readonly string[])[]): number {
  const N = units.length
  if (N === 0) return NaN
  const n = units[0]!.length
  if (n < 2 || units.some((u) => u.length !== n)) {
    throw new RangeError('every unit needs the same number (at least 2) of ratings')
  }
  const totals = new Map<string, number>()
  let pSum = 0
  for (const unit of units) {
    const counts = new Map<string, number>()
    for (const c of unit) counts.set(c, (counts.get(c) ?? 0) + 1)
    let squares = 0
    for (const [c, k] of counts) {
      squares += k * k
      totals.set(c, (totals.get(c) ?? 0) + k)
    }
    pSum += (squares - n) / (n * (n - 1))
  }
  const pBar = pSum / N
  let pe = 0
  for (const k of totals.values()) pe += (k / (N * n)) ** 2
  return pe === 1 ? NaN : (pBar - pe) / (1 - pe)
}
