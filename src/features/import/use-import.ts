import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocalJob, type JobState } from '../../data/jobs'
import { readActiveLexicon } from '../../data/lexicons'
import type { Mapping } from '../../lib/import/map-records'
import {
  discardStagedRestore,
  previewImport,
  previewImportUrl,
  startImport,
  startRestore,
  IMPORT_CANCELLED,
  type ImportHandle,
} from '../../workers/import-client'
import type { RestoreMode, RestoreSummary } from '../../workers/restore-protocol'
import type { JobHandle } from '../../workers/worker-job'
import { purgeRemovedDatasets, watchCancelledImportRemoval } from '../../data/datasets'
import { requestPersistence } from '../../data/storage'
import { checkImportUrl } from '../../lib/import/url-policy'
import { isQuotaError, quotaMessage, uncompressedSize } from '../../lib/import/quota'
import { JobCancelled } from '../../workers/worker-job'
import type { RestoreProgress } from '../../workers/restore-protocol'
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

/** The phases before a job runs (file, URL, preview), kept here; a running import is a job. */
type LocalState =
  | Exclude<ImportState, { phase: 'running' | 'done' | 'restored' }>
  | { phase: 'job'; kind: 'import' | 'restore'; fileName: string }

/**
 * An import as a job (data/jobs.ts): the active lexicon is read first, then the worker runs.
 * Cancel kills the worker at once and hides the dataset; its rows are removed in the background.
 */
function startImportJob(
  onProgress: (p: ImportProgress) => void,
  preview: ImportPreview,
  choices: ImportChoices,
): JobHandle<ImportSummary> {
  let running: ImportHandle | null = null
  let cancelled = false
  const done = readActiveLexicon().then((lexicon) => {
    // Metrics are computed with the lexicon active now; the lexicons page recomputes on a change.
    if (cancelled) throw new JobCancelled(IMPORT_CANCELLED)
    running = startImport(
      onProgress,
      preview.file,
      {
        name: choices.name,
        variant: choices.variant,
        defaultModel: choices.model.trim() || undefined,
        fileName: preview.fileName,
        format: preview.format,
        lexicon,
        mapping: choices.mapping,
        problems: choices.problems ?? undefined,
        replaceDatasetId: choices.replaceDatasetId || undefined,
      },
      preview,
    )
    return running.done
  })
  return {
    done: withFailure(done, preview),
    async cancel() {
      cancelled = true
      const stopped = await running?.cancel()
      // The rows' removal runs on; a failure of it is shown, with a Retry.
      if (stopped) watchCancelledImportRemoval(choices.name, stopped.cleanup)
    },
  }
}

function startRestoreJob(
  onProgress: (p: RestoreProgress) => void,
  preview: ImportPreview,
  mode: RestoreMode,
  skipBadLines: boolean,
): JobHandle<RestoreSummary> {
  const mergeInto = Object.fromEntries(
    (preview.tracemark?.datasets ?? []).flatMap((d) =>
      d.match ? [[d.id, d.match.datasetId]] : [],
    ),
  )
  const job = startRestore(
    onProgress,
    preview.file,
    { fileName: preview.fileName, mode, mergeInto, skipBadLines },
    preview,
  )
  return { ...job, done: withFailure(job.done, preview) }
}

/** A failed write, as the panel shows it: storage full comes with its figures (#12). */
class ImportFailure extends Error {
  constructor(
    message: string,
    readonly storageFull: boolean,
  ) {
    super(message)
  }
}

function withFailure<R>(done: Promise<R>, preview: ImportPreview): Promise<R> {
  const failed = done.catch(async (error: unknown) => {
    if (error instanceof JobCancelled) throw error
    const view = await writeFailure(preview.fileName, preview.file, error)
    throw view.phase === 'failed' ? new ImportFailure(view.message, !!view.storageFull) : error
  })
  failed.catch(() => {})
  return failed
}

/** What the user sees of a job's state, in the import's own phases. */
function jobView<R>(
  job: JobState<ImportProgress, R>,
  fileName: string,
  finished: (result: R) => ImportState,
): ImportState {
  switch (job.phase) {
    case 'idle':
      return { phase: 'idle' }
    case 'running':
    case 'cancelling':
      return { phase: 'running', fileName, progress: job.progress }
    case 'done':
      return job.result ? finished(job.result) : { phase: 'idle' }
    case 'failed':
      return job.error instanceof ImportFailure && job.error.storageFull
        ? { phase: 'failed', fileName, message: job.message, storageFull: true }
        : { phase: 'failed', fileName, message: job.message }
    case 'cancelled':
      return { phase: 'cancelled', fileName }
  }
}

/** Drives one import at a time: preview, start, progress, cancel, the decision about bad rows. */
export function useImport() {
  const [local, setLocal] = useState<LocalState>({ phase: 'idle' })
  // Leaving the page with a Tracemark export's preview open takes back what it staged.
  useEffect(() => () => void discardStagedRestore(), [])
  const importing = useLocalJob(startImportJob)
  const restoring = useLocalJob(startRestoreJob)
  const fail = (fileName: string, error: unknown) =>
    setLocal({ phase: 'failed', fileName, message: messageOf(error) })

  const state: ImportState =
    local.phase !== 'job'
      ? local
      : local.kind === 'import'
        ? jobView(importing.state, local.fileName, (summary) =>
            // A pending decision is stored with the dataset and asked by <PendingImports>.
            summary.awaitingDecision
              ? { phase: 'idle' }
              : { phase: 'done', fileName: local.fileName, summary },
          )
        : jobView(restoring.state, local.fileName, (summary) => ({
            phase: 'restored',
            fileName: local.fileName,
            summary,
          }))

  const preview = useCallback(async (file: Blob, fileName: string) => {
    setLocal({ phase: 'reading', fileName, download: null })
    try {
      setLocal({ phase: 'preview', preview: await previewImport(file, fileName) })
    } catch (error) {
      fail(fileName, error)
    }
  }, [])

  /** A URL import always asks first: the host, and a size limit the user confirms. */
  const askUrl = useCallback((raw: string) => {
    void discardStagedRestore()
    const checked = checkImportUrl(raw)
    if (!checked.ok) fail(raw, new Error(checked.message))
    else setLocal({ phase: 'confirm-url', url: checked.url, host: checked.host })
  }, [])

  const download = useRef<JobHandle<ImportPreview | DownloadTooLarge> | null>(null)

  /** Downloads (at most `limit` bytes) after the user said yes, then shows the preview. */
  const confirmUrl = useCallback(async (url: string, host: string, limit: number) => {
    setLocal({ phase: 'reading', fileName: url, download: null, cancellable: true })
    const h = previewImportUrl(
      (progress) => setLocal((s) => (s.phase === 'reading' ? { ...s, download: progress } : s)),
      url,
      limit,
    )
    download.current = h
    try {
      const result = await h.done
      if (download.current !== h) return
      download.current = null
      if ('tooLarge' in result) setLocal({ phase: 'too-large', url, host, result })
      else setLocal({ phase: 'preview', preview: result })
    } catch (error) {
      if (download.current !== h || error instanceof JobCancelled) return
      download.current = null
      fail(url, error)
    }
  }, [])

  /** Drops the connection at once; nothing was written. */
  const cancelDownload = useCallback(async () => {
    const h = download.current
    if (!h || local.phase !== 'reading') return
    download.current = null
    setLocal({ phase: 'cancelled', fileName: local.fileName })
    await h.cancel()
  }, [local])

  const { job: importJob } = importing
  const start = useCallback(
    async (preview: ImportPreview, choices: ImportChoices) => {
      setLocal({ phase: 'job', kind: 'import', fileName: preview.fileName })
      // The user is storing data: ask the browser to keep it (its answer shows on the storage line).
      void requestPersistence()
      const summary = await importJob.start(preview, choices)
      if (summary && !summary.awaitingDecision && choices.replaceDatasetId) purgeRemovedDatasets()
    },
    [importJob],
  )

  /** Restores a Tracemark export (a preview with `tracemark`) as the user chose. */
  const { job: restoreJob } = restoring
  const restore = useCallback(
    async (preview: ImportPreview, mode: RestoreMode, skipBadLines: boolean) => {
      if (!preview.tracemark) return
      setLocal({ phase: 'job', kind: 'restore', fileName: preview.fileName })
      void requestPersistence()
      await restoreJob.start(preview, mode, skipBadLines)
    },
    [restoreJob],
  )

  /** Frees the panel at once; the rows written so far are removed in the background. */
  const cancel = useCallback(async () => {
    if (local.phase !== 'job') return
    await (local.kind === 'import' ? importJob : restoreJob).cancel()
  }, [local, importJob, restoreJob])

  const dismiss = useCallback(() => {
    // A Tracemark export's preview may have staged its restore: cancelling takes that back.
    void discardStagedRestore()
    setLocal({ phase: 'idle' })
    void importJob.reset()
    void restoreJob.reset()
  }, [importJob, restoreJob])

  /** Imports with the detected mapping, skipping the preview (the bundled demo). */
  const importDirect = useCallback(
    async (file: Blob, fileName: string, name: string) => {
      setLocal({ phase: 'reading', fileName, download: null })
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
