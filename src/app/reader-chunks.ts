/**
 * The reader's code: its screen and the annotation panel it shows are fetched together, so the
 * panel is not a second round trip once the reader has rendered (#14: that waterfall, and the
 * render thrown away when the panel suspended, were most of the time to open a trace). Each
 * loader is memoised (a failed download is tried again next time), so a hint that a trace is
 * about to be opened (`preloadReader`) starts the download early.
 */
import { createElement, useEffect, type ComponentProps } from 'react'
import { preloadableLazy } from '../components/preloadable/preloadable-lazy'
import type * as Reader from '../features/reader/components/reader-page'
import type * as Annotate from '../features/annotate/components/annotate-panel'

type ReaderModule = typeof Reader
type AnnotateModule = typeof Annotate

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null
      throw error
    })
    return loading
  }
}

export const loadAnnotatePanel = once<AnnotateModule>(
  () => import('../features/annotate/components/annotate-panel'),
)

const loadReaderPage = once<ReaderModule>(() => import('../features/reader/components/reader-page'))

/** The reader's screen and its annotation panel, downloaded in parallel. */
export function loadReader(): Promise<[ReaderModule, AnnotateModule]> {
  return Promise.all([loadReaderPage(), loadAnnotatePanel()])
}

type ReaderProps = Omit<ComponentProps<ReaderModule['ReaderPage']>, 'annotate'>

/**
 * The reader with its annotation panel wired in: one suspension, once both have downloaded, and
 * none once they have (preloaded from the traces table, or a trace opened before). A plain lazy
 * component suspends on its first render even then, and React holds what it reveals after a
 * fallback back for 300 ms: the first trace opened from the table waited that long.
 */
export const readerScreen = preloadableLazy<ReaderProps>(async () => {
  const [{ ReaderPage }, { AnnotatePanel }] = await loadReader()
  return function ReaderScreen(props: ReaderProps) {
    return createElement(ReaderPage, { ...props, annotate: AnnotatePanel })
  }
})

/**
 * Starts reading a trace's spans while the reader downloads (the data layer's code for it is a
 * small chunk of its own, fetched beside the reader's: the first screen does not carry it).
 */
export function prefetchTrace(traceId: string): void {
  import('../data/traces').then((m) => m.prefetchTraceView(traceId)).catch(() => undefined)
}

/** Starts downloading the reader (a trace link is pointed at, or the traces table is idle). */
export function preloadReader(): void {
  readerScreen.preload().catch(() => undefined)
}

const TRACE_LINK = 'a[href^="#/traces/"]'

/** Downloads the reader when a link to a trace is pointed at or focused (the app's shell). */
export function useReaderLinkHints(): void {
  useEffect(() => {
    const onHint = (event: Event) => {
      if (event.target instanceof Element && event.target.closest(TRACE_LINK)) preloadReader()
    }
    addEventListener('pointerover', onHint, { passive: true })
    addEventListener('focusin', onHint)
    return () => {
      removeEventListener('pointerover', onHint)
      removeEventListener('focusin', onHint)
    }
  }, [])
}

/**
 * Downloads the reader once the page is idle: on the traces table, whose rows open it. Not on
 * the first screen, whose JavaScript is counted (bench bundle/main-gzip-kb).
 */
export function usePreloadReaderWhenIdle(): void {
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(preloadReader, { timeout: 5_000 })
      return () => cancelIdleCallback(id)
    }
    const id = setTimeout(preloadReader, 1_000)
    return () => clearTimeout(id)
  }, [])
}
