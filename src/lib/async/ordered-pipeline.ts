/**
 * Batches in flight, kept in order (#14: parse, analyse and write overlap, so the slowest stage
 * sets the pace). A batch is pushed with `ready`, its work already under way elsewhere (the
 * analysis worker), and `start`, which sends it on (to IndexedDB) and returns its completion.
 * `start` is called once the batch is ready and the batch before it has been started: the next
 * write is queued behind the one being stored, so the store does not wait for the producer, and
 * the producer waits only while `limit` batches are in flight, which bounds the memory they hold.
 * After a failure nothing more is started, and the first failure is what every later call throws.
 */
export class OrderedPipeline {
  /** Settles once the last pushed batch has been started (or has failed). */
  private started: Promise<void> = Promise.resolve()
  private readonly inFlight = new Set<Promise<void>>()
  private failure: { error: unknown } | null = null
  private abandoned = false

  constructor(private readonly limit: number) {}

  /** Adds a batch; resolves once fewer than `limit` batches are in flight. */
  async push<T>(ready: Promise<T>, start: (value: T) => Promise<void>): Promise<void> {
    ready.catch(() => {}) // a batch refused here still has its `ready` under way
    this.throwIfFailed()
    const ticket = Promise.all([ready, this.started]).then(([value]) => {
      this.throwIfFailed()
      // Wrapped, so that `ticket` settles when the batch is started, not when it is complete.
      return { completion: start(value) }
    })
    this.started = ticket.then(
      () => undefined,
      () => undefined,
    )
    const complete = ticket.then((t) => t.completion)
    const tracked = complete.then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= { error }
      },
    )
    this.inFlight.add(tracked)
    void tracked.then(() => this.inFlight.delete(tracked))
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight)
    this.throwIfFailed()
  }

  /** Waits for every batch to complete; throws the first failure. */
  async drain(): Promise<void> {
    await this.ended()
    this.throwIfFailed()
  }

  /**
   * Starts no more batches and waits for the started ones to end, successfully or not (before a
   * clean-up, which must come after the last write).
   */
  async abandon(): Promise<void> {
    this.abandoned = true
    await this.ended()
  }

  private async ended(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight)
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error
    if (this.abandoned) throw new Error('the pipeline was abandoned')
  }
}
