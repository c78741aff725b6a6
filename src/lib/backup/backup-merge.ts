/**
 * A backup restored onto the data already here (issue #8), planned in memory, pure: which of the
 * backup's rows are added, and how. What a researcher gets:
 * - a dataset of the backup whose traces are here (the same dataset id, else the ready dataset
 *   holding most of its traces by key and problem hash) is the same dataset: its traces that are
 *   here receive the backup's spans and relations, each keeping its annotator and its id (a new
 *   id only when another row has it), a span already on the trace (same id, or same field,
 *   offsets, label and annotator) not added twice; each annotator's trace tags (`tagsBy`) are
 *   joined with those here (and `tags` with them), and otherwise the trace's own status, tags
 *   and note stay as they are here (what was done here is not overwritten). Its traces that
 *   are not here are added to it, with their texts, spans and relations;
 * - any other dataset is added whole, under its id where free;
 * - taxonomies and lexicons (by id) and preferences (by key) are added when absent; one already
 *   here is left as it is, so the user's edits, active lexicon and annotator name stay;
 * - the undo history is not merged (it is this database's own), nor datasets that were not
 *   ready when backed up (an import in progress or waiting for a decision). Orphaned spans of
 *   the backup are added when their id is free.
 */
import type {
  Annotation,
  Dataset,
  Lexicon,
  Pref,
  Relation,
  Taxonomy,
  Trace,
  TraceTexts,
} from '../traces/trace-model'
import { newId, ORPHAN_PREFIX, traceId, traceIdPrefix } from '../traces/ids'
import { mergeTags, type TagsBy } from '../traces/trace-tags'
import { groupBy } from '../collections/group-by'

/** The rows of a backup that a merge reads. */
export interface BackupRows {
  datasets: Dataset[]
  traces: Trace[]
  texts: TraceTexts[]
  annotations: Annotation[]
  relations: Relation[]
  taxonomies: Taxonomy[]
  lexicons: Lexicon[]
  prefs: Pref[]
}

/** What the database holds that the merge depends on (read in the merge's transaction). */
export interface ExistingRows {
  /** Every dataset. */
  datasets: Dataset[]
  /** The traces whose problem hash is one of the backup's, with their spans and relations. */
  traces: Trace[]
  annotations: Annotation[]
  relations: Relation[]
  /** The highest ordinal of each dataset's traces (by trace id). */
  lastOrdinal: ReadonlyMap<string, number>
  /** Which of the backup's trace, span and relation ids, taxonomy and lexicon ids and pref keys are taken. */
  takenTraceIds: ReadonlySet<string>
  takenSpanIds: ReadonlySet<string>
  takenRelationIds: ReadonlySet<string>
  taxonomyIds: ReadonlySet<string>
  lexiconIds: ReadonlySet<string>
  prefKeys: ReadonlySet<string>
}

export interface MergeSummary {
  datasetsAdded: number
  datasetsMerged: number
  tracesAdded: number
  tracesMerged: number
  spansAdded: number
  /** Spans of the backup already on the traces here, so not added again. */
  spansAlreadyHere: number
  relationsAdded: number
  taxonomiesAdded: number
  lexiconsAdded: number
  prefsAdded: number
}

export interface MergePlan {
  add: BackupRows
  /** New counts of the datasets here that received traces. */
  datasetCounts: { id: string; traceCount: number; textChars: number }[]
  /** Traces here whose tags by annotator gained the backup's (tags and tagsBy to write). */
  traceTags: { id: string; tags: string[]; tagsBy: TagsBy }[]
  summary: MergeSummary
}

const matchKey = (key: string, problemHash: string) => `${key}\u0000${problemHash}`

function spanSignature(a: Pick<Annotation, 'field' | 'start' | 'end' | 'label' | 'annotator'>) {
  return [a.field, a.start, a.end, a.label, a.annotator].join('\u0000')
}

function relationSignature(r: Pick<Relation, 'from' | 'to' | 'label' | 'annotator'>) {
  return [r.from, r.to, r.label, r.annotator].join('\u0000')
}

const textCharsOf = (t: TraceTexts) => t.problem.length + t.reasoning.length + t.answer.length

/**
 * The dataset here that a backup dataset is: the same id when that dataset is ready here, else
 * the ready dataset holding most of its traces (same key and problem hash); null for none.
 */
export function matchDataset(
  dataset: Dataset,
  traces: readonly Trace[],
  existing: Pick<ExistingRows, 'datasets' | 'traces'>,
): string | null {
  const ready = new Set(existing.datasets.filter((d) => d.status === 'ready').map((d) => d.id))
  if (ready.has(dataset.id)) return dataset.id
  const wanted = new Set(traces.map((t) => matchKey(t.key, t.problemHash)))
  const counts = new Map<string, number>()
  for (const t of existing.traces) {
    if (ready.has(t.datasetId) && wanted.has(matchKey(t.key, t.problemHash))) {
      counts.set(t.datasetId, (counts.get(t.datasetId) ?? 0) + 1)
    }
  }
  let best: string | null = null
  let most = 0
  for (const [id, n] of counts) {
    if (n > most) [best, most] = [id, n]
  }
  return best
}

export function planMerge(backup: BackupRows, existing: ExistingRows): MergePlan {
  const add: BackupRows = {
    datasets: [],
    traces: [],
    texts: [],
    annotations: [],
    relations: [],
    taxonomies: [],
    lexicons: [],
    prefs: [],
  }
  const summary: MergeSummary = {
    datasetsAdded: 0,
    datasetsMerged: 0,
    tracesAdded: 0,
    tracesMerged: 0,
    spansAdded: 0,
    spansAlreadyHere: 0,
    relationsAdded: 0,
    taxonomiesAdded: 0,
    lexiconsAdded: 0,
    prefsAdded: 0,
  }
  const datasetCounts: MergePlan['datasetCounts'] = []
  const traceTags: MergePlan['traceTags'] = []
  const usedSpanIds = new Set<string>()
  const usedRelationIds = new Set<string>()
  const usedTraceIds = new Set<string>()
  const takenDatasetIds = new Set(existing.datasets.map((d) => d.id))
  const tracesOf = groupBy(backup.traces, (t) => t.datasetId)
  const textsOf = new Map(backup.texts.map((t) => [t.traceId, t]))
  const spansOf = groupBy(backup.annotations, (a) => a.traceId)
  const relationsOf = groupBy(backup.relations, (r) => r.traceId)
  const spansHere = groupBy(existing.annotations, (a) => a.traceId)
  const relationsHere = groupBy(existing.relations, (r) => r.traceId)

  /** The backup trace's spans and relations onto the trace `onto` (here or added). */
  const place = (from: string, onto: string) => {
    const here = spansHere.get(onto) ?? []
    const hereIds = new Set(here.map((a) => a.id))
    const hereBySignature = new Map(here.map((a) => [spanSignature(a), a.id]))
    const idOf = new Map<string, string>()
    for (const span of spansOf.get(from) ?? []) {
      const present = hereIds.has(span.id) ? span.id : hereBySignature.get(spanSignature(span))
      if (present !== undefined) {
        idOf.set(span.id, present)
        summary.spansAlreadyHere += 1
        continue
      }
      const taken = existing.takenSpanIds.has(span.id) || usedSpanIds.has(span.id)
      const id = taken ? newId() : span.id
      usedSpanIds.add(id)
      idOf.set(span.id, id)
      add.annotations.push({ ...span, id, traceId: onto })
      summary.spansAdded += 1
    }
    const relationHere = relationsHere.get(onto) ?? []
    const relationIdsHere = new Set(relationHere.map((r) => r.id))
    const relationSignatures = new Set(relationHere.map(relationSignature))
    for (const relation of relationsOf.get(from) ?? []) {
      const fromId = idOf.get(relation.from)
      const toId = idOf.get(relation.to)
      if (fromId === undefined || toId === undefined) continue
      const rewired = { ...relation, traceId: onto, from: fromId, to: toId }
      if (relationIdsHere.has(relation.id) || relationSignatures.has(relationSignature(rewired))) {
        continue
      }
      const taken = existing.takenRelationIds.has(relation.id) || usedRelationIds.has(relation.id)
      const id = taken ? newId() : relation.id
      usedRelationIds.add(id)
      add.relations.push({ ...rewired, id })
      summary.relationsAdded += 1
    }
  }

  /** Adds a backup trace (with its texts) to the dataset `datasetId` under the id given. */
  const addTrace = (trace: Trace, datasetId: string, id: string, ordinal: number): number => {
    const texts = textsOf.get(trace.id)
    if (!texts) return 0
    usedTraceIds.add(id)
    add.traces.push({ ...trace, id, datasetId, ordinal })
    add.texts.push({ ...texts, traceId: id, datasetId })
    place(trace.id, id)
    summary.tracesAdded += 1
    return textCharsOf(texts)
  }

  for (const dataset of backup.datasets) {
    if (dataset.status !== 'ready') continue
    const traces = tracesOf.get(dataset.id) ?? []
    const target = matchDataset(dataset, traces, existing)
    if (target === null) {
      const id = takenDatasetIds.has(dataset.id) ? newId() : dataset.id
      takenDatasetIds.add(id)
      let count = 0
      let chars = 0
      for (const trace of traces) {
        const keep = id === dataset.id && !existing.takenTraceIds.has(trace.id)
        const traceIdHere = keep ? trace.id : traceId(id, trace.ordinal)
        const before = summary.tracesAdded
        chars += addTrace(trace, id, traceIdHere, trace.ordinal)
        count += summary.tracesAdded - before
      }
      add.datasets.push({ ...dataset, id, traceCount: count, textChars: chars })
      summary.datasetsAdded += 1
      continue
    }
    summary.datasetsMerged += 1
    const here = new Map(
      existing.traces
        .filter((t) => t.datasetId === target)
        .map((t) => [matchKey(t.key, t.problemHash), t]),
    )
    const targetRow = existing.datasets.find((d) => d.id === target)!
    let last = existing.lastOrdinal.get(target) ?? 0
    let added = 0
    let chars = 0
    for (const trace of traces) {
      const found = here.get(matchKey(trace.key, trace.problemHash))
      if (found) {
        place(trace.id, found.id)
        summary.tracesMerged += 1
        // Each annotator's tags are joined (only attributed ones: the trace's own tags stay).
        if (trace.tagsBy) {
          const attributed = Object.values(trace.tagsBy).flat()
          const joined = mergeTags(found, { tags: attributed, tagsBy: trace.tagsBy })
          if (joined.changed && joined.tagsBy) {
            traceTags.push({ id: found.id, tags: joined.tags, tagsBy: joined.tagsBy })
          }
        }
        continue
      }
      const free =
        trace.id.startsWith(traceIdPrefix(target)) &&
        !existing.takenTraceIds.has(trace.id) &&
        !usedTraceIds.has(trace.id)
      const ordinal = free ? trace.ordinal : ++last
      const before = summary.tracesAdded
      chars += addTrace(trace, target, free ? trace.id : traceId(target, ordinal), ordinal)
      added += summary.tracesAdded - before
    }
    if (added > 0) {
      datasetCounts.push({
        id: target,
        traceCount: targetRow.traceCount + added,
        textChars: targetRow.textChars + chars,
      })
    }
  }

  for (const span of backup.annotations) {
    if (!span.traceId.startsWith(ORPHAN_PREFIX)) continue
    if (existing.takenSpanIds.has(span.id) || usedSpanIds.has(span.id)) continue
    usedSpanIds.add(span.id)
    add.annotations.push(span)
    summary.spansAdded += 1
  }
  add.taxonomies = backup.taxonomies.filter((t) => !existing.taxonomyIds.has(t.id))
  add.lexicons = backup.lexicons.filter((l) => !existing.lexiconIds.has(l.id))
  add.prefs = backup.prefs.filter((p) => !existing.prefKeys.has(p.key))
  summary.taxonomiesAdded = add.taxonomies.length
  summary.lexiconsAdded = add.lexicons.length
  summary.prefsAdded = add.prefs.length
  return { add, datasetCounts, traceTags, summary }
}
