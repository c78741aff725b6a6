/**
 * A trace's annotations held in memory, shared by every view of that trace in the page (the
 * reader, compare panes). A local change is applied at once and written behind, so a new span
 * is painted without waiting for IndexedDB and without re-reading the trace's other spans; the
 * stored rows are still observed (Dexie's liveQuery of any span write, which also sees other
 * tabs, then a read of the rows: watched-read.ts), and each stored snapshot is reconciled with the
 * changes not yet written, keeping the row objects that did not change so views redraw only
 * what did.
 */
import { useSyncExternalStore } from 'react'
import { useTransitionSnapshot } from '../components/schedule/use-transition-snapshot'
import { listAnnotations, watchAnnotations } from '../db/annotations'
import { db } from '../db/instance'
import type { Annotation } from '../lib/traces/trace-model'
import { watchedRead } from './watched-read'

/** A change not yet confirmed by a stored snapshot: a row put, or an id removed. */
type Pending = { kind: 'put'; row: Annotation } | { kind: 'remove'; id: string }

const EMPTY: Annotation[] = []
/** A change of more spans than this is drawn by every view at once (see `largeChange`). */
const SMALL_CHANGE = 16
/** The listener that holds a prefetch's read, and how long it stays once a view is there. */
const HOLD = () => undefined
const RELEASE_MS = 2_000

export function byReadingOrder(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || a.createdAt - b.createdAt || cmp(a.id, b.id)
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export class TraceSpans {
  private rows: Annotation[] | undefined = undefined
  private stored: Annotation[] | undefined = undefined
  private readonly pending = new Map<string, Pending>()
  private readonly listeners = new Set<() => void>()
  /** Told when the set of changes still being written changes (a row's "saving…" state). */
  private readonly pendingListeners = new Set<() => void>()
  private pendingVersion = 0
  private subscription: { unsubscribe(): void } | null = null

  constructor(
    readonly traceId: string,
    private readonly load: (traceId: string) => Promise<Annotation[]> | Annotation[] = (id) =>
      listAnnotations(db, id),
    /** What is observed for changes of the rows (see watchedRead): not the rows themselves. */
    private readonly watch: () => Promise<unknown> = () => watchAnnotations(db),
  ) {}

  /** The rows in reading order (rejected suggestions included), or undefined while loading. */
  get snapshot(): Annotation[] | undefined {
    return this.rows
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    if (this.listeners.size === 1) this.start()
    // A view is here: a prefetch's hold can go (after React's StrictMode has re-subscribed).
    if (listener !== HOLD && this.listeners.has(HOLD)) setTimeout(this.release, RELEASE_MS)
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) this.stop()
    }
  }

  getSnapshot = (): Annotation[] | undefined => this.rows

  /**
   * Starts reading the spans before a view subscribes (the reader's code is still loading),
   * so that the view finds them read (#14). The read is held until a view has subscribed, or
   * for `holdMs` at most.
   */
  prefetch(holdMs = 30_000): void {
    if (this.listeners.size > 0) return
    this.subscribe(HOLD)
    setTimeout(this.release, holdMs)
  }

  private release = (): void => {
    if (!this.listeners.delete(HOLD)) return
    if (this.listeners.size === 0) this.stop()
  }

  /**
   * Listens to the pending changes only: a write that ends changes no row, so the views of the
   * rows (the text, its layers, the minimap) are not told; only what shows "saving…" is.
   */
  subscribePending = (listener: () => void): (() => void) => {
    this.pendingListeners.add(listener)
    return () => this.pendingListeners.delete(listener)
  }

  /** A number that changes whenever the pending changes do. */
  getPendingVersion = (): number => this.pendingVersion

  get(id: string): Annotation | undefined {
    return this.rows?.find((a) => a.id === id)
  }

  /**
   * Whether the last change of the rows was a large one (accepting a thousand suggestions, a
   * stored snapshot): the views that follow a small one a moment later (useTraceSpansAfter)
   * draw a large one at once, in one render, rather than in slices that the write's own
   * events start again.
   */
  private largeChange = false

  isLargeChange = (): boolean => this.largeChange

  /** Applies local changes at once; `settle` them when their write has finished (or failed). */
  apply(changes: { put?: Annotation[]; remove?: string[] }): void {
    this.largeChange = (changes.put?.length ?? 0) + (changes.remove?.length ?? 0) > SMALL_CHANGE
    for (const row of changes.put ?? []) this.pending.set(row.id, { kind: 'put', row })
    for (const id of changes.remove ?? []) this.pending.set(id, { kind: 'remove', id })
    this.rows = this.rebuild(this.rows ?? EMPTY, changes)
    this.emit()
    this.emitPending()
  }

  /** Whether a change of span `id` is still being written. */
  isPending(id: string): boolean {
    return this.pending.has(id)
  }

  /** Forgets pending changes of `ids` (their write ended): the stored rows are the truth again. */
  settle(ids: readonly string[], failed = false): void {
    let changed = false
    for (const id of ids) changed = this.pending.delete(id) || changed
    if (failed && this.stored) this.receive(this.stored)
    // The rows are the same: only the views of the pending state redraw (not the whole reader).
    if (changed) this.emitPending()
  }

  /** A stored snapshot (liveQuery): the pending changes are laid over it. */
  receive(stored: Annotation[]): void {
    this.stored = stored
    const next: Annotation[] = []
    const old = new Map((this.rows ?? EMPTY).map((a) => [a.id, a]))
    const pendingBefore = this.pending.size
    for (const row of stored) {
      const change = this.pending.get(row.id)
      if (change) {
        if (change.kind === 'put' && change.row.updatedAt <= row.updatedAt) {
          this.pending.delete(row.id)
        } else continue
      }
      const before = old.get(row.id)
      next.push(before && before.updatedAt === row.updatedAt && same(before, row) ? before : row)
    }
    for (const change of this.pending.values()) {
      if (change.kind === 'put') next.push(change.row)
      else if (!stored.some((r) => r.id === change.id)) this.pending.delete(change.id)
    }
    next.sort(byReadingOrder)
    if (this.pending.size !== pendingBefore) this.emitPending()
    if (this.rows && sameList(this.rows, next)) return
    this.rows = next
    this.largeChange = true
    this.emit()
  }

  private rebuild(rows: Annotation[], changes: { put?: Annotation[]; remove?: string[] }) {
    const one = changes.put?.length === 1 && !changes.remove?.length ? changes.put[0] : undefined
    if (one) return withOne(rows, one)
    const drop = new Set([...(changes.remove ?? []), ...(changes.put ?? []).map((a) => a.id)])
    const kept = drop.size === 0 ? rows : rows.filter((a) => !drop.has(a.id))
    const put = changes.put ?? []
    if (put.length === 0) return kept === rows ? rows.slice() : kept
    // One merge of two lists in reading order, not a sort of every span (nor a splice per new
    // row: accepting 1,000 suggestions among 5,000 spans moved ~6 million array slots).
    const added = put.length === 1 ? put : put.slice().sort(byReadingOrder)
    const out: Annotation[] = new Array<Annotation>(kept.length + added.length)
    let i = 0
    let j = 0
    let k = 0
    while (i < kept.length && j < added.length) {
      out[k++] = byReadingOrder(kept[i]!, added[j]!) <= 0 ? kept[i++]! : added[j++]!
    }
    while (i < kept.length) out[k++] = kept[i++]!
    while (j < added.length) out[k++] = added[j++]!
    return out
  }

  private start(): void {
    // Back in use after a stop (React StrictMode unsubscribes and subscribes again at once):
    // be the page's set again, or the next render would make a second one.
    if (!registry.has(this.traceId)) registry.set(this.traceId, this)
    const observable = watchedRead(
      () => this.watch(),
      () => this.load(this.traceId),
    )
    this.subscription = observable.subscribe({
      next: (rows) => this.receive(rows),
      error: () => this.receive(this.stored ?? EMPTY),
    })
  }

  private stop(): void {
    this.subscription?.unsubscribe()
    this.subscription = null
    // Only our own entry: a newer set of the same trace may have taken the slot meanwhile.
    if (registry.get(this.traceId) === this) registry.delete(this.traceId)
  }

  private emit(): void {
    for (const listener of this.listeners) listener()
  }

  private emitPending(): void {
    this.pendingVersion++
    for (const listener of this.pendingListeners) listener()
  }
}

/**
 * `rows` with `row` put (a new span, or a change of one): a copy with one insertion at its
 * place in reading order (a binary search), not a merge that compares every span.
 */
function withOne(rows: readonly Annotation[], row: Annotation): Annotation[] {
  const out = rows.slice()
  const at = out.findIndex((a) => a.id === row.id)
  if (at >= 0) out.splice(at, 1)
  let lo = 0
  let hi = out.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (byReadingOrder(out[mid]!, row) <= 0) lo = mid + 1
    else hi = mid
  }
  out.splice(lo, 0, row)
  return out
}

function same(a: Annotation, b: Annotation): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.label === b.label &&
    a.note === b.note &&
    a.rejected === b.rejected &&
    a.quote === b.quote
  )
}

function sameList(a: Annotation[], b: Annotation[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

const registry = new Map<string, TraceSpans>()

/** The page's one in-memory set of a trace's spans (made on first use). */
export function traceSpans(traceId: string): TraceSpans {
  let spans = registry.get(traceId)
  if (!spans) {
    spans = new TraceSpans(traceId)
    registry.set(traceId, spans)
  }
  return spans
}

/** The in-memory spans (of a trace open in this page) holding the span `id`, if any. */
export function findTraceSpans(id: string): TraceSpans | undefined {
  for (const spans of registry.values()) if (spans.get(id)) return spans
  return undefined
}

/**
 * Re-renders the caller when a change of the trace's spans starts or ends being written (use
 * `traceSpans(id).isPending` in its render); the rows themselves come from useTraceSpans.
 * A side panel's view: rendered as a transition, with the rows of `useTraceSpansAfter`.
 */
export function usePendingSpans(traceId: string): number {
  const spans = traceSpans(traceId)
  return useTransitionSnapshot(spans.subscribePending, spans.getPendingVersion, spans.isLargeChange)
}

const NO_TRACE = (): (() => void) => () => undefined
const NOTHING = (): undefined => undefined

/**
 * A trace's spans, live: local changes at once, stored ones (other tabs too) as they come. For
 * the text that draws them: a change renders in the frame it is made in. Without a trace (a
 * view given its spans another way), undefined.
 */
export function useTraceSpans(traceId: string | undefined): Annotation[] | undefined {
  const spans = traceId === undefined ? undefined : traceSpans(traceId)
  return useSyncExternalStore(spans?.subscribe ?? NO_TRACE, spans?.getSnapshot ?? NOTHING)
}

/**
 * The same spans for the views that follow the text (the side panels, the suggestions): a
 * change renders after the text has drawn it, as a transition (useTransitionSnapshot), so a
 * key that labels a span paints it without waiting for every list of thousands of spans.
 * Keys that read these rows wait for them (use-annotate-keys.ts).
 */
export function useTraceSpansAfter(traceId: string): Annotation[] | undefined {
  const spans = traceSpans(traceId)
  return useTransitionSnapshot(spans.subscribe, spans.getSnapshot, spans.isLargeChange)
}
