import { useRef, useState } from 'react'
import { downloadBlob } from '../../../components/download/download-blob'
import { databaseHasWork } from '../../../data/backup'
import { useLocalJob, type JobState } from '../../../data/jobs'
import { notify, reasonOf } from '../../../data/notify'
import { formatCount } from '../../../lib/text/format'
import { startBackup, startRestore } from '../../../workers/backup-client'
import type { BackupProgress } from '../../../workers/backup-protocol'

/**
 * "Back up everything" (one zip of every table, downloaded) and "Restore a backup" (the zip read
 * and checked, then every table replaced in one transaction; when the database holds work the
 * user is asked first). Both run as worker jobs with progress and Cancel.
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

  const runRestore = async (file: File) => {
    setAsking(null)
    setRestored(null)
    const result = await restore.job.start(file, true)
    if (result) {
      const rows = Object.values(result.counts).reduce((a, b) => a + b, 0)
      setRestored(`Restored ${formatCount(rows)} rows from ${file.name}.`)
    }
  }

  const pick = async (file: File | undefined) => {
    if (input.current) input.current.value = ''
    if (!file) return
    try {
      if (await databaseHasWork()) setAsking(file)
      else await runRestore(file)
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
        <div role="alertdialog" aria-label="Replace everything?" className="backup-ask">
          <p>
            The database is not empty. Restoring {asking.name} replaces everything stored here
            (datasets, spans, taxonomies, lexicons, settings) with the backup&apos;s contents.
          </p>
          <button type="button" onClick={() => void runRestore(asking)}>
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
      {p ? ` ${formatCount(p.rows)} / ${formatCount(p.totalRows)} rows` : '…'}{' '}
      <button type="button" onClick={() => void cancel()}>
        Cancel
      </button>
    </p>
  )
}
