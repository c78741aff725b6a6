import { useState, type DragEvent } from 'react'
import { estimateRemaining, formatBytes, formatCount, formatDuration } from '../../../lib/format'
import type { ImportProgress } from '../../../workers/import-protocol'
import type { useImport } from '../use-import'

type ImportApi = ReturnType<typeof useImport>

/** File picker and drop zone, with the progress, outcome and bad-row decision of an import. */
export function ImportPanel({ importer }: { importer: ImportApi }) {
  const { state } = importer
  const [dragging, setDragging] = useState(false)
  const busy = state.phase === 'running' || state.phase === 'cancelling' || state.phase === 'decide'

  const onFiles = (files: FileList | null) => {
    const file = files?.[0]
    if (file && !busy) void importer.start(file, file.name)
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    onFiles(e.dataTransfer.files)
  }

  return (
    <section className="import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import traces</h2>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Drop a JSON Lines file here (also .jsonl.gz), or</p>
        <label className="button">
          Choose a file…
          <input
            type="file"
            accept=".jsonl,.ndjson,.json,.gz,application/x-ndjson,application/json"
            disabled={busy}
            aria-label="Choose a trace file to import"
            onChange={(e) => {
              onFiles(e.target.files)
              e.target.value = ''
            }}
          />
        </label>
      </div>
      <ImportStatus importer={importer} />
    </section>
  )
}

function ImportStatus({ importer }: { importer: ImportApi }) {
  const { state } = importer
  switch (state.phase) {
    case 'idle':
      return null
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
            {state.fileName}: {formatCount(state.summary.traceCount)} valid rows,{' '}
            {formatCount(state.summary.badRowCount)} bad rows.
          </p>
          <ul className="bad-rows" aria-label="Bad rows">
            {state.summary.badRows.map((r) => (
              <li key={r.line}>
                line {r.line}: {r.reason}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void importer.decide(true)}>
            Import the {formatCount(state.summary.traceCount)} valid rows
          </button>{' '}
          <button type="button" onClick={() => void importer.decide(false)}>
            Abort the import
          </button>
        </div>
      )
    case 'done':
      return (
        <p role="status">
          Imported {formatCount(state.summary.traceCount)} traces from {state.fileName}.{' '}
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
        {formatCount(progress.rows)} rows · {formatBytes(progress.bytes)} of{' '}
        {formatBytes(progress.totalBytes)}
        {eta && ` · ${formatBytes(eta.bytesPerSecond)}/s · ${formatDuration(eta.remainingMs)} left`}
        {progress.badRows > 0 && ` · ${formatCount(progress.badRows)} bad rows`}
      </p>
    </>
  )
}
