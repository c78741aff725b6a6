import { lazy, Suspense } from 'react'
import {
  estimateRemaining,
  formatBytes,
  formatCount,
  formatDuration,
} from '../../../lib/text/format'
import type { DuplicateKeys } from '../../../lib/traces/trace-model'
import { SafeText } from '../../../components/safe-text/safe-text'
import type { ImportProgress } from '../../../workers/import-protocol'
import type { Importer } from '../use-import'

// Shown only after a full disk or a restore: loaded then (#14: first-screen JavaScript).
const FreeStorage = lazy(() => import('./free-storage').then((m) => ({ default: m.FreeStorage })))
const RestoreOutcome = lazy(() =>
  import('./restore-outcome').then((m) => ({ default: m.RestoreOutcome })),
)

/** Progress, outcome and the bad-row decision of the current import. */
export function ImportStatus({ importer }: { importer: Importer }) {
  const { state } = importer
  switch (state.phase) {
    case 'idle':
    case 'preview':
    case 'confirm-url':
    case 'too-large':
      return null
    case 'reading':
      return (
        <p role="status">
          Reading {state.fileName}…
          {state.download && ` ${formatBytes(state.download.bytes)} downloaded`}
          {state.download?.totalBytes && ` of ${formatBytes(state.download.totalBytes)}`}
          {state.cancellable && (
            <>
              {' '}
              <button type="button" onClick={() => void importer.cancelDownload()}>
                Cancel download
              </button>
            </>
          )}
        </p>
      )
    case 'running':
      return (
        <div className="import-status" role="status">
          <ProgressLine fileName={state.fileName} progress={state.progress} />
          <button type="button" onClick={() => void importer.cancel()}>
            Cancel import
          </button>
        </div>
      )
    case 'cancelled':
      return (
        <p role="status">
          Import of {state.fileName} cancelled; nothing was kept.{' '}
          <button type="button" onClick={importer.dismiss}>
            OK
          </button>
        </p>
      )
    case 'failed':
      return (
        <div className="import-error" role="alert">
          <p>
            Import failed: <SafeText text={state.message} />
          </p>
          {state.storageFull ? (
            <Suspense fallback={null}>
              <FreeStorage />
            </Suspense>
          ) : (
            <p>Nothing was written.</p>
          )}
          <button type="button" onClick={importer.dismiss}>
            Dismiss
          </button>
        </div>
      )
    case 'restored':
      return (
        <Suspense fallback={null}>
          <RestoreOutcome
            fileName={state.fileName}
            summary={state.summary}
            done={importer.dismiss}
          />
        </Suspense>
      )
    case 'done':
      return (
        <p role="status">
          Imported {formatCount(state.summary.traceCount)} traces from {state.fileName}
          {state.summary.joinedProblems > 0 &&
            ` (${formatCount(state.summary.joinedProblems)} problems joined)`}
          {state.summary.movedSpans > 0 &&
            `; ${formatCount(state.summary.movedSpans)} spans moved to the new traces`}
          . <DuplicateNote duplicates={state.summary.duplicates} />
          <button type="button" onClick={importer.dismiss}>
            OK
          </button>
        </p>
      )
  }
}

/** Keys shared by several traces: replace and re-import match by key, so the user is told. */
export function DuplicateNote({ duplicates }: { duplicates: DuplicateKeys | undefined }) {
  if (!duplicates?.count) return null
  const first = duplicates.examples[0]
  return (
    <span className="warning">
      {formatCount(duplicates.count)} traces share their key with an earlier one
      {first && (
        <>
          {' '}
          (first: key <SafeText text={first.key} /> at {first.at})
        </>
      )}
      ; a replacement or re-import matches spans by key, so make the keys unique (map another id
      field in the preview) if you will need that.{' '}
    </span>
  )
}

function ProgressLine({
  fileName,
  progress,
}: {
  fileName: string
  progress: ImportProgress | null
}) {
  if (!progress) return <p>Starting the import of {fileName}…</p>
  const fraction = progress.totalBytes ? progress.bytes / progress.totalBytes : 0
  const eta = estimateRemaining(progress.bytes, progress.totalBytes, progress.elapsedMs)
  return (
    <>
      <progress max={1} value={fraction} aria-label={`Importing ${fileName}`} />
      <p>
        {formatCount(progress.rows)} traces · {formatBytes(progress.bytes)} of{' '}
        {formatBytes(progress.totalBytes)}
        {eta && ` · ${formatBytes(eta.bytesPerSecond)}/s · ${formatDuration(eta.remainingMs)} left`}
        {progress.badRows > 0 && ` · ${formatCount(progress.badRows)} bad records`}
      </p>
    </>
  )
}
