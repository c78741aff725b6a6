/**
 * The targets of issue #14 (and the issues before it), checked against a run's results: one line
 * per target, "held" or "short". A suite that adds a metric with a target adds it here.
 */
export const TARGETS = [
  { name: 'analysis/plain-scan', op: '>=', value: 0.6, what: 're-analysis / plain regex scan' },
  { name: 'import/raw-bulkput', op: '>=', value: 0.7, what: 'import / raw Dexie bulkPut' },
  {
    name: 'import/peak-js-heap',
    op: '<',
    value: 600,
    what: 'peak JS heap during import (at 2 GB)',
  },
  { name: 'browse/table.sort', op: '<', value: 100, what: 'table sort, median' },
  { name: 'browse/table.sort-again', op: '<', value: 50, what: 'second sort on the same column' },
  {
    name: 'browse/reader.open-highlighted/plain',
    op: '<=',
    value: 1.2,
    what: '200k trace with pivots / plain',
  },
  {
    name: 'browse/reader.open-highlighted',
    op: '<',
    value: 150,
    what: '200k trace with pivots, open to painted',
  },
  {
    name: 'browse/reader.open-5k-spans/plain',
    op: '<=',
    value: 3,
    what: '5,000 spans, painted from hand-off / plain page',
  },
  { name: 'browse/reader.add-span', op: '<', value: 30, what: 'add one span, key to painted' },
  { name: 'annotate/cursor-move', op: '<', value: 16, what: 'cursor to the next sentence (#10)' },
  {
    name: 'annotate/accept-all',
    op: '<',
    value: 300,
    what: 'accept every suggestion of one label, key to listed (#10)',
  },
  {
    name: 'annotate/accept-all.spans',
    op: '>=',
    value: 1000,
    what: 'suggestions accepted by that accept-all (#10: 1,000+)',
  },
  {
    name: 'browse/reader.open-5k-spans.heap',
    op: '<',
    value: 10,
    what: 'JS heap after loading the 5,000-span trace (after GC)',
  },
  {
    name: 'browse/reader.open-5k-spans.dom-nodes',
    op: '<',
    value: 5000,
    what: 'DOM nodes after loading the 5,000-span trace',
  },
  {
    name: 'compare/open-4x50k',
    op: '<',
    value: 500,
    what: 'compare view of four 50,000-character traces, open to painted, median',
  },
  {
    name: 'compare/diff-100k-longest-task',
    op: '<',
    value: 50,
    what: 'longest main-thread task while two 100,000-character traces are diffed (worker)',
  },
  {
    name: 'export/stringify',
    op: '>=',
    value: 0.5,
    what: 'Tracemark JSONL export with spans / plain JSON.stringify + Blob of the same rows',
  },
  {
    name: 'import/roundtrip-reimport',
    op: '>=',
    value: 0.8,
    what: 're-import of a Tracemark export with spans / plain import of the same traces',
  },
  { name: 'bundle/main-gzip-kb', op: '<', value: 130, what: 'first-screen JavaScript, gzip' },
]

const holds = (op, v, t) =>
  op === '>=' ? v >= t : op === '<=' ? v <= t : op === '<' ? v < t : op === '>' ? v > t : false

/** One line per target present in `results`: name, value, target, held / short. */
export function summarise(results) {
  const byName = new Map(results.map((r) => [r.name, r]))
  const lines = []
  const checks = []
  for (const t of TARGETS) {
    const r = byName.get(t.name)
    if (!r) continue
    const held = holds(t.op, r.value, t.value)
    checks.push({ name: t.name, value: r.value, unit: r.unit, target: `${t.op} ${t.value}`, held })
    const v = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(r.value < 10 ? 3 : 1)
    lines.push(
      `${held ? 'held ' : 'SHORT'}  ${t.name}: ${v} ${r.unit} (target ${t.op} ${t.value}; ${t.what})`,
    )
  }
  return { lines, checks }
}
