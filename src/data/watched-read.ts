/**
 * A live read of many rows without Dexie's per-row bookkeeping (#14).
 *
 * Inside `liveQuery`, Dexie records the primary key of every row an index query returns
 * (`RangeSet.addKeys`, a balanced tree built a key at a time), so that a change of any of them
 * runs the query again. For a trace's 5,000 spans that took 150-350 ms of the reader's open,
 * more than the read itself. Here `liveQuery` observes a cheap `watch` query instead, and `read`
 * runs outside it, in the global context Dexie calls `next` from, so nothing it reads is
 * recorded.
 *
 * The watch must see every write that can change what `read` returns. One row read over a
 * table's whole key range does (db/annotations.ts `watchAnnotations`): every write records its
 * keys, an update in place included (an index range would miss that: Dexie records an index
 * value only when it changes). Its price is a read again after a write to rows of other traces.
 * Reads are delivered in the order they started: one that ends after a newer one was delivered
 * is dropped.
 */
import { liveQuery } from 'dexie'
import { useObservable } from 'dexie-react-hooks'

export interface ReadObserver<T> {
  next(value: T): void
  error?(error: unknown): void
}

export interface WatchedRead<T> {
  subscribe(observer: ReadObserver<T>): { unsubscribe(): void }
}

export function watchedRead<T>(
  watch: () => Promise<unknown>,
  read: () => Promise<T> | T,
): WatchedRead<T> {
  return {
    subscribe(observer) {
      let closed = false
      let started = 0
      let delivered = 0
      const readNow = () => {
        const n = ++started
        // Started here, synchronously: `next` runs in Dexie's global context, outside the query.
        new Promise<T>((resolve) => resolve(read())).then(
          (value) => {
            if (closed || n <= delivered) return
            delivered = n
            observer.next(value)
          },
          (error: unknown) => {
            if (!closed && n > delivered) observer.error?.(error)
          },
        )
      }
      const subscription = liveQuery(watch).subscribe({
        next: readNow,
        error: (error: unknown) => {
          if (!closed) observer.error?.(error)
        },
      })
      return {
        unsubscribe() {
          closed = true
          subscription.unsubscribe()
        },
      }
    },
  }
}

/** `watchedRead` as a React hook (undefined until the first read), re-subscribed when `deps` change. */
export function useWatchedRead<T>(
  watch: () => Promise<unknown>,
  read: () => Promise<T> | T,
  deps: unknown[],
): T | undefined {
  return useObservable(
    () => ({
      subscribe: (next: (value: T) => void, error?: (e: unknown) => void) =>
        watchedRead(watch, read).subscribe({ next, error }),
    }),
    deps,
  )
}
