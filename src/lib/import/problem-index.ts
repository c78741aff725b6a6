/**
 * Problems (and gold answers) from a second file, joined to traces by key: some datasets keep
 * prompts and model outputs apart (an items file and per-model output files).
 */
import type { FieldMap } from '../traces/trace-model'
import { detectFieldMap, FIELD_CANDIDATES } from './detect-fields'

export interface ProblemEntry {
  problem: string
  gold: string
}

export interface ProblemIndexBuilder {
  add(record: unknown): void
  readonly index: Map<string, ProblemEntry>
  readonly fieldMap: FieldMap
}

/** Detects the key, problem and gold fields from sample records, then indexes every record. */
export function problemIndexBuilder(samples: Record<string, unknown>[]): ProblemIndexBuilder {
  const detected = detectFieldMap(samples)
  const problem =
    (FIELD_CANDIDATES.problem as readonly string[]).find((n) =>
      samples.some((r) => typeof r[n] === 'string'),
    ) ?? detected.problem
  const fieldMap: FieldMap = { id: detected.id, problem, gold: detected.gold }
  const index = new Map<string, ProblemEntry>()
  return {
    index,
    fieldMap,
    add(record) {
      if (typeof record !== 'object' || record === null || !fieldMap.id) return
      const r = record as Record<string, unknown>
      const key = r[fieldMap.id]
      if (key === undefined || key === null) return
      index.set(String(key), {
        problem: text(fieldMap.problem ? r[fieldMap.problem] : undefined),
        gold: text(fieldMap.gold ? r[fieldMap.gold] : undefined),
      })
    },
  }
}

function text(v: unknown): string {
  if (v === undefined || v === null) return ''
  return typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : JSON.stringify(v)
}
