import { readRecords } from '../lib/import/formats/read-records'
import { FormatError } from '../lib/import/formats/source-record'
import { problemIndexBuilder, type ProblemEntry } from '../lib/import/problem-index'
import type { ProblemSource } from './import-protocol'

export type ProblemIndex = Map<string, ProblemEntry>

const SAMPLE = 50

/** Reads a problems file whole into a key → problem index (problems are small next to traces). */
export async function loadProblems(
  source: ProblemSource,
  signal?: AbortSignal,
): Promise<ProblemIndex> {
  const records: unknown[] = []
  for await (const r of readRecords(source.file, source.fileName, signal))
    if (r.ok) records.push(r.record)
  const samples = records
    .slice(0, SAMPLE)
    .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
  const builder = problemIndexBuilder(samples)
  if (!builder.fieldMap.id || !builder.fieldMap.problem) {
    throw new FormatError(`${source.fileName}: no id and problem fields to join on`)
  }
  for (const r of records) builder.add(r)
  return builder.index
}
