import { useCallback } from 'react'
import { downloadBlob } from '../../components/download/download-blob'
import { useLocalJob } from '../../data/jobs'
import { exportFileName } from '../../lib/export/download-name'
import { startExport } from '../../workers/export-client'
import { exportFormat } from '../../lib/export/formats'
import type { ExportChoice, ExportTarget } from '../../workers/export-protocol'

/**
 * Exports a dataset, or chosen traces, in a format (Tracemark JSONL unless chosen) and hands the
 * file to the browser as a download named after `label`.
 */
export function useExport(target: ExportTarget, label: string, choice?: ExportChoice) {
  const { job, state } = useLocalJob(startExport, { failureWhat: `export ${label}` })
  const run = useCallback(async () => {
    const blob = await job.start(target, choice)
    const extension = exportFormat(choice?.format ?? 'tracemark').extension
    if (blob) downloadBlob(blob, exportFileName(label, extension, new Date()))
  }, [job, target, label, choice])
  return { state, run, cancel: job.cancel }
}
