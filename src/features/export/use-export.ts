import { useCallback, useRef, useState } from 'react'
import { exportFileName } from '../../lib/export/download-name'
import { ExportCancelled, startExport, type ExportHandle } from '../../workers/export-client'
import type { ExportProgress, ExportTarget } from '../../workers/export-protocol'

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ExportProgress | null }
  | { phase: 'failed'; message: string }

/**
 * Exports a dataset, or chosen traces, as Tracemark JSONL and hands the file to the browser as a
 * download named after `label`.
 */
export function useExport(target: ExportTarget, label: string) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' })
  const handle = useRef<ExportHandle | null>(null)

  const run = useCallback(async () => {
    setState({ phase: 'running', progress: null })
    const h = startExport(target, (progress) => setState({ phase: 'running', progress }))
    handle.current = h
    try {
      const blob = await h.done
      download(blob, exportFileName(label, 'jsonl', new Date()))
      setState({ phase: 'idle' })
    } catch (error) {
      if (error instanceof ExportCancelled) setState({ phase: 'idle' })
      else
        setState({
          phase: 'failed',
          message: error instanceof Error ? error.message : String(error),
        })
    }
  }, [target, label])

  const cancel = useCallback(() => handle.current?.cancel(), [])
  return { state, run, cancel }
}

function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
