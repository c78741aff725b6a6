/**
 * The import's write pipeline: traces are gathered in batches; a full batch goes to analysis
 * (another worker, when there is one) at once, and is written, in order, as soon as its metrics
 * are in, queued behind the write being stored. Parsing goes on meanwhile and waits only while
 * MAX_BATCHES_IN_FLIGHT are gathered, analysed or written, so parsing, analysis and IndexedDB's
 * writes (in the browser's storage process) overlap and the slowest of them sets the pace (#14).
 */
import type { TracemarkDB } from '../db/database'
import { putTraceBatch } from '../db/traces'
import { OrderedPipeline } from '../lib/async/ordered-pipeline'
import { buildRowsWithMetrics } from '../lib/import/build-rows'
import type { MappedTrace } from '../lib/import/map-records'
import { sourceAnnotations } from '../lib/import/source-annotations'
import type { TraceMetrics } from '../lib/traces/trace-model'
import type { MetricsComputer } from './metrics-protocol'

/**
 * Dispatched batches not yet stored: one in analysis, one waiting behind the write being stored
 * and that one, while the next is parsed. With batches of at most 4 Mi code units
 * (lib/import/batch-size.ts) that is some tens of MB of text held, in the import and analysis
 * workers together.
 */
const MAX_BATCHES_IN_FLIGHT = 4

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
  let dispatched = 0
  const pipeline = new OrderedPipeline(MAX_BATCHES_IN_FLIGHT)

  /** Sends one analysed batch to IndexedDB; resolves when it is stored. */
  const write = (items: Item[], metrics: TraceMetrics[]): Promise<void> => {
    const rows = items.map((it, i) =>
      buildRowsWithMetrics(it.mapped, datasetId, it.ordinal, metrics[i]!, now),
    )
    const imported = items.flatMap((it, i) =>
      it.mapped.spans.length > 0
        ? [sourceAnnotations(it.mapped, rows[i]!.trace.id, sourceAnnotator, now)]
        : [],
    )
    const stored = putTraceBatch(
      db,
      rows.map((r) => r.trace),
      rows.map((r) => r.texts),
      imported.flatMap((a) => a.annotations),
      imported.flatMap((a) => a.relations),
    )
    onWritten()
    return stored
  }

  return {
    get size() {
      return batch.length
    },
    /** Code units of text gathered: batches are sized by bytes, not by count (#14). */
    get chars() {
      return batchChars
    },
    /** Batches sent on so far. */
    get dispatched() {
      return dispatched
    },
    add(mapped: MappedTrace, ordinal: number) {
      batch.push({ mapped, ordinal })
      batchChars += mapped.problem.length + mapped.reasoning.length + mapped.answer.length
    },
    /**
     * Sends the gathered batch to analysis, to be written once analysed; resolves when another
     * batch may be gathered. Rejects with the first failure of any batch.
     */
    async dispatch() {
      const items = batch
      batch = []
      batchChars = 0
      if (items.length === 0) return
      dispatched += 1
      const inputs = items.map((i) => ({ reasoning: i.mapped.reasoning, answer: i.mapped.answer }))
      await pipeline.push(computer.compute(inputs), (metrics) => write(items, metrics))
    },
    /** Writes everything gathered so far and waits until it is stored. */
    async finish() {
      await this.dispatch()
      await pipeline.drain()
    },
    /** Writes nothing more and waits for the writes under way to end (before a clean-up). */
    async settle() {
      await pipeline.abandon()
    },
  }
}
