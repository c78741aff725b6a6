import { describe, expect, it } from 'vitest'
import { makeDataset, makeTexts, makeTrace } from '../../testing/make-rows'
import type { Dataset, Trace } from '../traces/trace-model'
import { matchDataset, planMerge, type BackupRows, type ExistingRows } from './backup-merge'

const traces = (d: Dataset, keys: string[]) =>
  keys.map((key, i) => makeTrace(d.id, i + 1, { key, problemHash: `h-${key}` }))

function existing(datasets: Dataset[], rows: Trace[]): ExistingRows {
  return {
    datasets,
    traces: rows,
    annotations: [],
    relations: [],
    lastOrdinal: new Map(
      datasets.map((d) => [d.id, rows.filter((t) => t.datasetId === d.id).length]),
    ),
    takenTraceIds: new Set(rows.map((t) => t.id)),
    takenSpanIds: new Set(),
    takenRelationIds: new Set(),
    taxonomyIds: new Set(),
    lexiconIds: new Set(),
    prefKeys: new Set(),
  }
}

describe('matchDataset: the dataset here that a backup dataset is', () => {
  const a = makeDataset({ id: 'a' })
  const b = makeDataset({ id: 'b' })
  const here = [...traces(a, ['1', '2']), ...traces(b, ['1', '2', '3'])]
  const theirs = makeDataset({ id: 'theirs' })

  it('the ready dataset holding most of its traces by key and problem hash', () => {
    expect(matchDataset(theirs, traces(theirs, ['1', '2', '3']), existing([a, b], here))).toBe('b')
    expect(matchDataset(theirs, traces(theirs, ['9']), existing([a, b], here))).toBeNull()
  })

  it('the same id first; a dataset that is not ready is never matched', () => {
    expect(matchDataset(a, traces(a, ['3']), existing([a, b], here))).toBe('a')
    const pending = { ...b, status: 'pending' as const }
    expect(matchDataset(theirs, traces(theirs, ['3']), existing([a, pending], here))).toBeNull()
  })
})

describe('planMerge', () => {
  it('adds a missing trace to the matched dataset after its last ordinal, and counts it', () => {
    const here = makeDataset({ id: 'here', traceCount: 2, textChars: 10 })
    const hereTraces = traces(here, ['1', '2'])
    const theirs = makeDataset({ id: 'theirs', traceCount: 3 })
    const theirTraces = traces(theirs, ['1', '2', '3'])
    const backup: BackupRows = {
      datasets: [theirs],
      traces: theirTraces,
      texts: theirTraces.map((t) => makeTexts(t, { problem: 'p', reasoning: 'rr', answer: 'a' })),
      annotations: [],
      relations: [],
      taxonomies: [],
      lexicons: [],
      prefs: [],
    }
    const plan = planMerge(backup, existing([here], hereTraces))
    expect(plan.add.datasets).toEqual([])
    expect(plan.add.traces.map((t) => [t.id, t.datasetId, t.key, t.ordinal])).toEqual([
      ['here:000000003', 'here', '3', 3],
    ])
    expect(plan.add.texts[0]).toMatchObject({ traceId: 'here:000000003', datasetId: 'here' })
    expect(plan.datasetCounts).toEqual([{ id: 'here', traceCount: 3, textChars: 14 }])
    expect(plan.summary).toMatchObject({ datasetsMerged: 1, tracesMerged: 2, tracesAdded: 1 })
  })

  it("joins each annotator's trace tags on the traces here; the trace's own tags stay", () => {
    const here = makeDataset({ id: 'here' })
    const [h1, h2, h3] = traces(here, ['1', '2', '3'])
    const hereTraces: Trace[] = [
      { ...h1!, tags: ['legacy', 'x'], tagsBy: { ana: ['x'] } },
      h2!,
      { ...h3!, tags: ['q'], tagsBy: { ana: ['q'] } },
    ]
    const theirs = makeDataset({ id: 'theirs' })
    const [t1, t2, t3] = traces(theirs, ['1', '2', '3'])
    const theirTraces: Trace[] = [
      // Their unattributed tag 'their-legacy' is not taken.
      { ...t1!, tags: ['their-legacy', 'y'], tagsBy: { ana: ['y'], ben: [] } },
      { ...t2!, tags: ['z'], tagsBy: { ben: ['z'] } },
      // The same as here: nothing to write.
      { ...t3!, tags: ['q'], tagsBy: { ana: ['q'] } },
    ]
    const backup: BackupRows = {
      datasets: [theirs],
      traces: theirTraces,
      texts: theirTraces.map((t) => makeTexts(t)),
      annotations: [],
      relations: [],
      taxonomies: [],
      lexicons: [],
      prefs: [],
    }
    const plan = planMerge(backup, existing([here], hereTraces))
    expect(plan.summary).toMatchObject({ tracesMerged: 3, tracesAdded: 0 })
    expect(plan.traceTags).toEqual([
      { id: h1!.id, tags: ['legacy', 'x', 'y'], tagsBy: { ana: ['x', 'y'], ben: [] } },
      { id: h2!.id, tags: ['z'], tagsBy: { ben: ['z'] } },
    ])
  })
})
