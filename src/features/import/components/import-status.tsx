import {
  estimateRemaining,
  formatBytes,
  formatCount,
  formatDuration,
} from '../../../lib/text/format'
import type { ImportProgress } from '../../../workers/import-protocol'
import type { Importer } from '../use-import'
import { RestoreOutcome } from './restore-outcome'

/** Progress, outcome and the bad-row decision of the current import. */
export function ImportStatus({ importer }: { importer: Importer }) {
  const { state } = importer
  switch (state.phase) {
    case 'idle':
    case 'preview':
      return null
    case 'reading':
      return (
        <p role="status">
          Reading {state.fileName}…
          {state.download && ` ${formatBytes(state.download.bytes)} downloaded`}
          {state.download?.totalBytes && ` of ${formatBytes(state.download.totalBytes)}`}
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
    case 'cancelling':
      return <p role="status">Cancelling the import of {state.fileName}…</p>
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
          <p>Import failed: {state.message}</p>
          <p>Nothing was written.</p>
          <button type="button" onClick={importer.dismiss}>
            Dismiss
          </button>
        </div>
      )
    case 'decide':
      return (
        <div className="import-decide" role="alert">
          <p>
            {state.fileName}: {formatCount(state.summary.traceCount)} valid traces,{' '}
            {formatCount(state.summary.badRowCount)} bad records.
          </p>
          <ul className="bad-rows" aria-label="Bad rows">
            {state.summary.badRows.map((r) => (
              <li key={r.at}>
                {r.at}: {r.reason}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void importer.decide(true)}>
            Import the {formatCount(state.summary.traceCount)} valid traces
          </button>{' '}
          <button type="button" onClick={() => void importer.decide(false)}>
            Abort the import
          </button>
        </div>
      )
    case 'restored':
      return (
        <RestoreOutcome fileName={state.fileName} summary={state.summary} done={importer.dismiss} />
      )
    case 'done':
      return (
        <p role="status">
          Imported {formatCount(state.summary.traceCount)} traces from {state.fileName}
          {state.summary.joinedProblems > 0 &&
            ` (${formatCount(state.summary.joinedProblems)} problems joined)`}
          .{' '}
          <button type="button" onClick={importer.dismiss}>
            OK
          </button>
        </p>
      )
  }
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
