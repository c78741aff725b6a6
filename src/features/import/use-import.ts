import { useCallback, useRef, useState } from 'react'
import { readActiveLexicon } from '../../data/lexicons'
import type { Mapping } from '../../lib/import/map-records'
import {
  previewImport,
  previewImportUrl,
  startImport,
  startRestore,
  type ImportHandle,
} from '../../workers/import-client'
import type { RestoreMode, RestoreSummary } from '../../workers/restore-protocol'
import type { JobHandle } from '../../workers/worker-job'
import { purgeRemovedDatasets } from '../../data/datasets'
import { requestPersistence } from '../../data/storage'
import { checkImportUrl } from '../../lib/import/url-policy'
import { isQuotaError, quotaMessage, uncompressedSize } from '../../lib/import/quota'
import { JobCancelled } from '../../workers/worker-job'
import type {
  DownloadProgress,
  DownloadTooLarge,
  ImportPreview,
  ImportProgress,
  ImportSummary,
  ProblemSource,
} from '../../workers/import-protocol'

/** What the user sets in the preview before the import starts. */
export interface ImportChoices {
  name: string
  variant: string
  /** The model of every trace whose record names none (free text; empty for none). */
  model: string
  mapping: Mapping
  problems: ProblemSource | null
  replaceDatasetId: string
}

export type ImportState =
  | { phase: 'idle' }
  | {
      phase: 'reading'
      fileName: string
      download: DownloadProgress | null
      /** A URL download, which can be cancelled. */
      cancellable?: boolean
    }
  | { phase: 'confirm-url'; url: string; host: string }
  | { phase: 'too-large'; url: string; host: string; result: DownloadTooLarge }
  | { phase: 'preview'; preview: ImportPreview }
  | { phase: 'running'; fileName: string; progress: ImportProgress | null }
  | { phase: 'done'; fileName: string; summary: ImportSummary }
  | { phase: 'restored'; fileName: string; summary: RestoreSummary }
  | { phase: 'failed'; fileName: string; message: string; storageFull?: boolean }
  | { phase: 'cancelled'; fileName: string }

/** Drives one import at a time: preview, start, progress, cancel, the decision about bad rows. */
export function useImport() {
  const [state, setState] = useState<ImportState>({ phase: 'idle' })
  const handle = useRef<ImportHandle | JobHandle<RestoreSummary> | null>(null)
  const fail = (fileName: string, error: unknown) =>
    setState({ phase: 'failed', fileName, message: messageOf(error) })

  const preview = useCallback(async (file: Blob, fileName: string) => {
    setState({ phase: 'reading', fileName, download: null })
    try {
      setState({ phase: 'preview', preview: await previewImport(file, fileName) })
    } catch (error) {
      fail(fileName, error)
    }
  }, [])

  /** A URL import always asks first: the host, and a size limit the user confirms. */
  const askUrl = useCallback((raw: string) => {
    const checked = checkImportUrl(raw)
    if (!checked.ok) fail(raw, new Error(checked.message))
    else setState({ phase: 'confirm-url', url: checked.url, host: checked.host })
  }, [])

  const download = useRef<JobHandle<ImportPreview | DownloadTooLarge> | null>(null)

  /** Downloads (at most `limit` bytes) after the user said yes, then shows the preview. */
  const confirmUrl = useCallback(async (url: string, host: string, limit: number) => {
    setState({ phase: 'reading', fileName: url, download: null, cancellable: true })
    const h = previewImportUrl(
      (progress) => setState((s) => (s.phase === 'reading' ? { ...s, download: progress } : s)),
      url,
      limit,
    )
    download.current = h
    try {
      const result = await h.done
      if (download.current !== h) return
      download.current = null
      if ('tooLarge' in result) setState({ phase: 'too-large', url, host, result })
      else setState({ phase: 'preview', preview: result })
    } catch (error) {
      if (download.current !== h || error instanceof JobCancelled) return
      download.current = null
      fail(url, error)
    }
  }, [])

  /** Drops the connection at once; nothing was written. */
  const cancelDownload = useCallback(async () => {
    const h = download.current
    if (!h || state.phase !== 'reading') return
    download.current = null
    setState({ phase: 'cancelled', fileName: state.fileName })
    await h.cancel()
  }, [state])

  const start = useCallback(async (preview: ImportPreview, choices: ImportChoices) => {
    const { fileName } = preview
    setState({ phase: 'running', fileName, progress: null })
    // The user is storing data: ask the browser to keep it (its answer shows on the storage line).
    void requestPersistence()
    // Metrics are computed with the lexicon active now; the lexicons page recomputes on a change.
    let lexicon
    try {
      lexicon = await readActiveLexicon()
    } catch (error) {
      fail(fileName, error)
      return
    }
    const h = startImport(
      (progress) =>
        setState((s) => (s.phase === 'running' && handle.current === h ? { ...s, progress } : s)),
      preview.file,
      {
        name: choices.name,
        variant: choices.variant,
        defaultModel: choices.model.trim() || undefined,
        fileName,
        format: preview.format,
        lexicon,
        mapping: choices.mapping,
        problems: choices.problems ?? undefined,
        replaceDatasetId: choices.replaceDatasetId || undefined,
      },
    )
    handle.current = h
    try {
      const summary = await h.done
      if (handle.current !== h) return
      handle.current = null
      // A pending decision is stored with the dataset and asked by <PendingImports>.
      setState(summary.awaitingDecision ? { phase: 'idle' } : { phase: 'done', fileName, summary })
      if (!summary.awaitingDecision && choices.replaceDatasetId) purgeRemovedDatasets()
    } catch (error) {
      if (handle.current !== h || error instanceof JobCancelled) return
      setState(await writeFailure(fileName, preview.file, error))
    }
  }, [])

  /** Restores a Tracemark export (a preview with `tracemark`) as the user chose. */
  const restore = useCallback(
    async (preview: ImportPreview, mode: RestoreMode, skipBadLines: boolean) => {
      const { fileName, tracemark } = preview
      if (!tracemark) return
      setState({ phase: 'running', fileName, progress: null })
      void requestPersistence()
      const mergeInto = Object.fromEntries(
        tracemark.datasets.flatMap((d) => (d.match ? [[d.id, d.match.datasetId]] : [])),
      )
      const h = startRestore(
        (progress) =>
          setState((s) => (s.phase === 'running' && handle.current === h ? { ...s, progress } : s)),
        preview.file,
        { fileName, mode, mergeInto, skipBadLines },
      )
      handle.current = h
      try {
        const summary = await h.done
        if (handle.current !== h) return
        handle.current = null
        setState({ phase: 'restored', fileName, summary })
      } catch (error) {
        if (handle.current !== h || error instanceof JobCancelled) return
        setState(await writeFailure(fileName, preview.file, error))
      }
    },
    [],
  )

  /** Frees the panel at once; the rows written so far are removed in the background. */
  const cancel = useCallback(async () => {
    const h = handle.current
    if (!h || state.phase !== 'running') return
    handle.current = null
    const { fileName } = state
    try {
      const stopped = await h.cancel()
      setState({ phase: 'cancelled', fileName })
      // An import's rows are removed in the background (a restore cleans up itself).
      if (stopped) await stopped.cleanup
    } catch (error) {
      fail(fileName, error)
    }
  }, [state])

  const dismiss = useCallback(() => setState({ phase: 'idle' }), [])

  /** Imports with the detected mapping, skipping the preview (the bundled demo). */
  const importDirect = useCallback(
    async (file: Blob, fileName: string, name: string) => {
      setState({ phase: 'reading', fileName, download: null })
      try {
        const detected = await previewImport(file, fileName)
        const choices = {
          name,
          variant: '',
          model: '',
          mapping: detected.mapping,
          problems: null,
          replaceDatasetId: '',
        }
        await start(detected, choices)
      } catch (error) {
        fail(fileName, error)
      }
    },
    [start],
  )

  return {
    state,
    preview,
    askUrl,
    confirmUrl,
    cancelDownload,
    start,
    restore,
    importDirect,
    cancel,
    dismiss,
  }
}

export type Importer = ReturnType<typeof useImport>

/** A failed write as the panel shows it; storage full with its figures and the offer to delete. */
async function writeFailure(fileName: string, file: Blob, error: unknown): Promise<ImportState> {
  if (!isQuotaError(error)) return { phase: 'failed', fileName, message: messageOf(error) }
  const estimate = await navigator.storage?.estimate().catch(() => undefined)
  return {
    phase: 'failed',
    fileName,
    storageFull: true,
    message: quotaMessage(fileName, {
      needed: await uncompressedSize(file),
      usage: estimate?.usage ?? null,
      quota: estimate?.quota ?? null,
    }),
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
