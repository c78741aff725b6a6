import { useCallback } from 'react'
import { downloadBlob } from '../../components/download/download-blob'
import { useLocalJob } from '../../data/jobs'
import { exportFileName } from '../../lib/export/download-name'
import { startExport } from '../../workers/export-client'
import type { ExportTarget } from '../../workers/export-protocol'

/**
 * Exports a dataset, or chosen traces, as Tracemark JSONL and hands the file to the browser as a
 * download named after `label`.
 */
export function useExport(target: ExportTarget, label: string) {
  const { job, state } = useLocalJob(startExport, { failureWhat: `export ${label}` })
  const run = useCallback(async () => {
    const blob = await job.start(target)
    if (blob) downloadBlob(blob, exportFileName(label, 'jsonl', new Date()))
  }, [job, target, label])
  return { state, run, cancel: job.cancel }
}
