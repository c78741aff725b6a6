/**
 * CSV of trace-level labels and every metric, one row per trace (RFC 4180, through the one CSV
 * writer of lib/stats/csv.ts, which escapes formula-like cells so spreadsheets never run them).
 * Pivot counts get a column per lexicon category seen in the first trace; the texts are
 * columns only when asked for.
 */
import { toCsv, type CsvCell } from '../../stats/csv'
import type { TraceBundle } from '../tracemark-schema'
import type { ExportOptions, ExportWriter } from './export-format'
import { isLabel } from './labelled-spans'
import { METRIC_COLUMNS, metricCells } from './metric-columns'

const TRACE_COLUMNS = ['dataset', 'variant', 'key', 'model', 'correct', 'status', 'tags', 'spans']
const TEXT_COLUMNS = ['problem', 'reasoning', 'answer', 'gold']

export function csvHeader(categories: string[], texts: boolean): string[] {
  return [
    ...TRACE_COLUMNS,
    ...METRIC_COLUMNS,
    ...categories.map((c) => `pivots.${c}`),
    ...(texts ? TEXT_COLUMNS : []),
  ]
}

export function csvRow(bundle: TraceBundle, categories: string[], texts: boolean): CsvCell[] {
  const { dataset, trace } = bundle
  const m = trace.metrics
  const metrics = metricCells(m)
  return [
    dataset.name,
    dataset.variant,
    trace.key,
    trace.model,
    trace.correct,
    trace.status,
    trace.tags.join(';'),
    bundle.annotations.filter(isLabel).length,
    ...METRIC_COLUMNS.map((c) => metrics[c]),
    ...categories.map((c) => m.pivots[c] ?? 0),
    ...(texts
      ? [bundle.texts.problem, bundle.texts.reasoning, bundle.texts.answer, bundle.texts.gold]
      : []),
  ]
}

/** Drops the CRLF toCsv ends each line with after the header, so rows can be streamed. */
const body = (csv: string) => csv.slice(csv.indexOf('\r\n') + 2)

export function csvWriter(options: ExportOptions): ExportWriter {
  let categories: string[] | null = null
  return {
    add(bundle) {
      const parts: string[] = []
      if (categories === null) {
        categories = Object.keys(bundle.trace.metrics.pivots).sort()
        parts.push(toCsv(csvHeader(categories, options.texts), []))
      }
      parts.push(body(toCsv([''], [csvRow(bundle, categories, options.texts)])))
      return parts
    },
    finish: () => (categories === null ? [toCsv(csvHeader([], options.texts), [])] : []),
  }
}
