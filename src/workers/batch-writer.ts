/**
 * The import's write pipeline: traces are gathered in batches; a full batch goes to analysis
 * (another worker, when there is one) while the previous batch, its metrics done, is written.
 * So parsing, analysis and IndexedDB's writes (in the browser's storage process) overlap.
 */
import type { TracemarkDB } from '../db/database'
import { putTraceBatch } from '../db/traces'
import { buildRowsWithMetrics } from '../lib/import/build-rows'
import type { MappedTrace } from '../lib/import/map-records'
import { sourceAnnotations } from '../lib/import/source-annotations'
import type { TraceMetrics } from '../lib/traces/trace-model'
import type { MetricsComputer } from './metrics-protocol'

interface Item {
  mapped: MappedTrace
  ordinal: number
}

export function batchWriter(
  db: TracemarkDB,
  datasetId: string,
  computer: MetricsComputer,
  now: number,
  onWritten: () => void,
  /** Who the spans a source carries are recorded as made by (the source file's name). */
  sourceAnnotator = 'source',
) {
  let batch: Item[] = []
  /** UTF-16 code units of the gathered batch's texts. */
  let batchChars = 0
  let pending: { items: Item[]; metrics: Promise<TraceMetrics[]> } | null = null
  let writing: Promise<void> = Promise.resolve()

  const writePending = async () => {
    if (!pending) return
    const { items, metrics: computing } = pending
    pending = null
    const metrics = await computing
    const rows = items.map((it, i) =>
      buildRowsWithMetrics(it.mapped, datasetId, it.ordinal, metrics[i]!, now),
    )
    const imported = items.flatMap((it, i) =>
      it.mapped.spans.length > 0
        ? [sourceAnnotations(it.mapped, rows[i]!.trace.id, sourceAnnotator, now)]
        : [],
    )
    await writing
    writing = putTraceBatch(
      db,
      rows.map((r) => r.trace),
      rows.map((r) => r.texts),
      imported.flatMap((a) => a.annotations),
      imported.flatMap((a) => a.relations),
    )
    // Awaited by the next write; this only keeps a failure from counting as unhandled meanwhile.
    writing.catch(() => {})
    onWritten()
  }

  return {
    get size() {
      return batch.length
    },
    /** Code units of text gathered: batches are sized by bytes, not by count (#14). */
    get chars() {
      return batchChars
    },
    add(mapped: MappedTrace, ordinal: number) {
      batch.push({ mapped, ordinal })
      batchChars += mapped.problem.length + mapped.reasoning.length + mapped.answer.length
    },
    /** Sends the gathered batch to analysis and writes the one before it. */
    async dispatch() {
      const items = batch
      batch = []
      batchChars = 0
      const inputs = items.map((i) => ({ reasoning: i.mapped.reasoning, answer: i.mapped.answer }))
      const next = items.length > 0 ? { items, metrics: computer.compute(inputs) } : null
      next?.metrics.catch(() => {})
      await writePending()
      pending = next
    },
    /** Writes everything gathered so far and waits until it is stored. */
    async finish() {
      await this.dispatch()
      await writePending()
      await writing
    },
    /** Waits for anything in flight to end, successfully or not (before a clean-up). */
    async settle() {
      await pending?.metrics.catch(() => {})
      await writing.catch(() => {})
    },
  }
}
