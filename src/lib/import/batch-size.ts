/**
 * How big the import's batches are (#14: sized by bytes). A batch goes to analysis and storage
 * once its texts hold BATCH_CHARS code units (about 8 MB of UTF-16) or BATCH_MAX traces,
 * whichever comes first: long traces keep the memory in flight bounded (batch-writer.ts holds
 * at most four batches). The first batches are smaller, doubling up to that size: storage is
 * idle until a first batch has been parsed and analysed, and a small one gets it going sooner,
 * while the next, larger one is analysed.
 */
export const BATCH_CHARS = 4 * 2 ** 20
export const BATCH_MAX = 500
/** The first batch is this fraction of a full one. */
const FIRST_BATCH_SHARE = 1 / 8

export interface BatchLimit {
  chars: number
  traces: number
}

/** The limits of the batch that follows `dispatched` batches. */
export function batchLimit(dispatched: number): BatchLimit {
  const share = Math.min(1, FIRST_BATCH_SHARE * 2 ** dispatched)
  return {
    chars: Math.round(BATCH_CHARS * share),
    traces: Math.max(1, Math.round(BATCH_MAX * share)),
  }
}

/** True when a batch of `traces` traces holding `chars` code units is to be sent on. */
export function batchIsFull(limit: BatchLimit, traces: number, chars: number): boolean {
  return chars >= limit.chars || traces >= limit.traces
}
