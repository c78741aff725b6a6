/**
 * The preview of a Tracemark export: one pass over the whole file with the checker the restore
 * uses, counting traces, spans and relations per dataset, listing the bad lines, and finding the
 * existing dataset that already holds each dataset's traces (same key and problem hash).
 * Writes nothing.
 */
import type { TracemarkDB } from '../db/database'
import { datasetNames, knownLabelIds, tracesWithProblems } from '../db/restore'
import { describeLocation, FormatError } from '../lib/import/formats/source-record'
import { readRecords } from '../lib/import/formats/read-records'
import { detectForeign } from '../lib/import/foreign-annotations'
import {
  badLineOf,
  isTracemarkValue,
  matchKey,
  TracemarkLineChecker,
  TracemarkParseError,
} from '../lib/import/tracemark-lines'
import { MAX_LISTED_BAD_ROWS, type BadRow } from './import-protocol'
import type { StagedRestore } from './restore-job'
import type { DatasetMatch, TracemarkDatasetPreview, TracemarkPreview } from './restore-protocol'

interface DatasetTally extends TracemarkDatasetPreview {
  pairs: Set<string>
  hashes: string[]
}

/**
 * With `stage`, each valid line also goes to it as it is checked: a restore that writes while
 * the preview reads (restore-job.ts, StagedRestore), finished or taken back once the user chose.
 */
export async function previewTracemark(
  db: TracemarkDB,
  file: Blob,
  fileName: string,
  stage?: StagedRestore,
): Promise<TracemarkPreview> {
  const checker = new TracemarkLineChecker(await knownLabelIds(db), fileName)
  const tallies = new Map<string, DatasetTally>()
  const badLines: BadRow[] = []
  let badLineCount = 0
  let firstRecord: unknown = undefined
  const bad = (row: BadRow) => {
    badLineCount += 1
    if (badLines.length < MAX_LISTED_BAD_ROWS) badLines.push(row)
    stage?.bad(row)
  }
  for await (const r of readRecords(file, fileName)) {
    if (!r.ok) {
      bad({ at: describeLocation(r.location), reason: r.reason })
      continue
    }
    let record
    try {
      record = checker.check(r.record, r.location.index)
    } catch (error) {
      if (!(error instanceof TracemarkParseError)) throw error
      bad(badLineOf(error))
      continue
    }
    firstRecord ??= r.record
    await stage?.add(record)
    const { dataset, trace } = record
    let tally = tallies.get(dataset.id)
    if (!tally) {
      tally = {
        id: dataset.id,
        name: dataset.name,
        traces: 0,
        spans: 0,
        relations: 0,
        exportedTraceCount: dataset.traceCount,
        match: null,
        pairs: new Set(),
        hashes: [],
      }
      tallies.set(dataset.id, tally)
    }
    tally.traces += 1
    tally.spans += record.annotations.length
    tally.relations += record.relations.length
    tally.pairs.add(matchKey(trace.key, trace.problemHash))
    tally.hashes.push(trace.problemHash)
  }
  await stage?.endOfFile()
  if (tallies.size === 0) {
    const first = badLines[0]
    throw new FormatError(
      `${fileName}: a Tracemark export without a single valid line${first ? ` (${first.at}: ${first.reason})` : ''}`,
    )
  }
  const datasets: TracemarkDatasetPreview[] = []
  for (const { pairs, hashes, ...tally } of tallies.values()) {
    datasets.push({ ...tally, match: await findMatch(db, tally.id, pairs, hashes) })
  }
  const sum = (key: 'traces' | 'spans' | 'relations') => datasets.reduce((n, d) => n + d[key], 0)
  return {
    source: sourceOf(firstRecord),
    traces: sum('traces'),
    spans: sum('spans'),
    relations: sum('relations'),
    datasets,
    badLines,
    badLineCount,
  }
}

function sourceOf(value: unknown): TracemarkPreview['source'] {
  return isTracemarkValue(value) ? 'tracemark' : (detectForeign(value) ?? 'tracemark')
}

/** The ready dataset holding most of these traces; the file's own dataset id wins a tie. */
async function findMatch(
  db: TracemarkDB,
  fileDatasetId: string,
  pairs: ReadonlySet<string>,
  hashes: string[],
): Promise<DatasetMatch | null> {
  const counts = new Map<string, number>()
  for (const trace of await tracesWithProblems(db, hashes)) {
    if (pairs.has(matchKey(trace.key, trace.problemHash))) {
      counts.set(trace.datasetId, (counts.get(trace.datasetId) ?? 0) + 1)
    }
  }
  let best: [string, number] | null = null
  for (const entry of counts) {
    const better =
      !best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] === fileDatasetId)
    if (better) best = entry
  }
  if (!best) return null
  const names = await datasetNames(db, [best[0]])
  return { datasetId: best[0], name: names.get(best[0]) ?? best[0], traces: best[1] }
}
