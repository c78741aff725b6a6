import { useCallback } from 'react'
import { openSaveTarget } from '../../components/download/save-file'
import { useLocalJob } from '../../data/jobs'
import { notify, reasonOf } from '../../data/notify'
import { exportFileName } from '../../lib/export/download-name'
import { startExport } from '../../workers/export-client'
import { formatInfo } from '../../lib/export/formats/catalogue'
import type { ExportChoice, ExportTarget } from '../../workers/export-protocol'

/**
 * Exports a dataset, or chosen traces, in a format (Tracemark JSONL unless chosen), into a file
 * named after `label`: streamed into a file the user picks when `preferPicker` is set and the
 * browser can (File System Access API), page by page as the worker writes them, a download
 * otherwise. A cancelled or failed export aborts the picked file, which stays as it was.
 */
export function useExport(
  target: ExportTarget | (() => ExportTarget),
  label: string,
  choice?: ExportChoice,
  preferPicker = false,
) {
  const { job, state } = useLocalJob(startExport, { failureWhat: `export ${label}` })
  const run = useCallback(async () => {
    const format = formatInfo(choice?.format ?? 'tracemark')
    const fileName = exportFileName(label, format.extension, new Date())
    let save
    try {
      save = await openSaveTarget({
        fileName,
        description: format.label,
        mimeType: format.extension === 'zip' ? 'application/zip' : format.mimeType,
        extension: format.extension,
        preferPicker,
      })
    } catch (error) {
      notify({ kind: 'error', message: `Could not open a file to save into: ${reasonOf(error)}` })
      return
    }
    if (!save) return
    // A picked file takes the pages as they are written; a download the whole file at the end.
    const resolved = typeof target === 'function' ? target() : target
    const result = await job.start(resolved, choice, save.append ?? undefined)
    try {
      if (result === undefined) await save.abort()
      else await save.finish(result)
    } catch (error) {
      await save.abort().catch(() => {})
      notify({ kind: 'error', message: `Could not write ${fileName}: ${reasonOf(error)}` })
    }
  }, [job, target, label, choice, preferPicker])
  return { state, run, cancel: job.cancel }
}
