import { useRef, useState } from 'react'
import { downloadBlob } from '../../../components/download/download-blob'
import { databaseHasWork } from '../../../data/backup'
import { useLocalJob, type JobState } from '../../../data/jobs'
import { notify, reasonOf } from '../../../data/notify'
import { formatCount } from '../../../lib/text/format'
import { startBackup, startRestore } from '../../../workers/backup-client'
import type { BackupProgress, RestoreMode, RestoreResult } from '../../../workers/backup-protocol'

/**
 * "Back up everything" (one zip of every table, downloaded) and "Restore a backup" (the zip read
 * and checked, then written in one transaction; when the database holds work the user chooses
 * to add the backup's work onto it or to replace everything). Both run as worker jobs with
 * progress and Cancel.
 */
export function BackupSection() {
  const backup = useLocalJob(startBackup, { failureWhat: 'back up the database' })
  const restore = useLocalJob(startRestore, { failureWhat: 'restore the backup' })
  const input = useRef<HTMLInputElement>(null)
  const [asking, setAsking] = useState<File | null>(null)
  const [restored, setRestored] = useState<string | null>(null)

  const runBackup = async () => {
    const result = await backup.job.start()
    if (result) downloadBlob(result.blob, result.fileName)
  }

  const runRestore = async (file: File, mode: RestoreMode) => {
    setAsking(null)
    setRestored(null)
    const result = await restore.job.start(file, mode)
    if (result) setRestored(restoredMessage(file.name, result))
  }

  const pick = async (file: File | undefined) => {
    if (input.current) input.current.value = ''
    if (!file) return
    try {
      if (await databaseHasWork()) setAsking(file)
      else await runRestore(file, 'into-empty')
    } catch (error) {
      notify({ kind: 'error', message: `Could not restore ${file.name}: ${reasonOf(error)}` })
    }
  }

  const busy = backup.job.busy || restore.job.busy
  return (
    <section className="backup-section" aria-label="Backup and restore">
      <h2>Backup</h2>
      <p className="muted">
        One zip file of everything stored here (datasets, traces, spans, taxonomies, lexicons,
        settings), to keep or to move to another browser.
      </p>
      <button type="button" disabled={busy} onClick={() => void runBackup()}>
        Back up everything
      </button>{' '}
      <label>
        Restore a backup:{' '}
        <input
          ref={input}
          type="file"
          accept=".zip,application/zip"
          aria-label="Restore a backup"
          disabled={busy}
          onChange={(e) => void pick(e.target.files?.[0])}
        />
      </label>
      <JobLine state={backup.state} verb="Backing up" cancel={backup.job.cancel} />
      <JobLine state={restore.state} verb="Restoring" cancel={restore.job.cancel} />
      {restore.state.phase === 'cancelled' && <p role="status">{restore.state.message}</p>}
      {restore.state.phase === 'failed' && (
        <p role="alert" className="error">
          {restore.state.message}
        </p>
      )}
      {restored && restore.state.phase === 'done' && <p role="status">{restored}</p>}
      {asking && (
        <div role="alertdialog" aria-label="Restore onto existing work?" className="backup-ask">
          <p>
            The database is not empty. Restoring {asking.name} can add the backup&apos;s work onto
            what is here (traces already here, by key and problem, get its spans and relations, each
            with its annotator; what is not here is added; your taxonomies, lexicons and settings
            stay as they are), or replace everything stored here with the backup&apos;s contents.
          </p>
          <button type="button" onClick={() => void runRestore(asking, 'merge')}>
            Add onto what is here
          </button>{' '}
          <button type="button" onClick={() => void runRestore(asking, 'replace')}>
            Replace everything
          </button>{' '}
          <button type="button" onClick={() => setAsking(null)}>
            Cancel
          </button>
        </div>
      )}
    </section>
  )
}

function JobLine({
  state,
  verb,
  cancel,
}: {
  state: JobState<BackupProgress, unknown>
  verb: string
  cancel: () => Promise<void>
}) {
  if (state.phase !== 'running' && state.phase !== 'cancelling') return null
  const p = state.progress
  return (
    <p role="status">
      <progress max={p?.totalRows || 1} value={p?.rows ?? 0} aria-label={verb} /> {verb}
      {p ? `, ${p.phase} ${formatCount(p.rows)} / ${formatCount(p.totalRows)} rows` : '…'}{' '}
      <button type="button" onClick={() => void cancel()}>
        Cancel
      </button>
    </p>
  )
}

function restoredMessage(fileName: string, result: RestoreResult): string {
  const m = result.merged
  if (!m) {
    const rows = Object.values(result.counts).reduce((a, b) => a + b, 0)
    return `Restored ${formatCount(rows)} rows from ${fileName}.`
  }
  const already = m.spansAlreadyHere ? ` (${formatCount(m.spansAlreadyHere)} already here)` : ''
  return (
    `Added from ${fileName}: ${formatCount(m.datasetsAdded)} datasets, ` +
    `${formatCount(m.tracesAdded)} traces, ${formatCount(m.spansAdded)} spans${already}, ` +
    `${formatCount(m.relationsAdded)} relations; ${formatCount(m.tracesMerged)} traces were ` +
    `already here (${formatCount(m.datasetsMerged)} datasets); ` +
    `${formatCount(m.taxonomiesAdded + m.lexiconsAdded + m.prefsAdded)} taxonomies, lexicons ` +
    `and settings added.`
  )
}
