import { useCallback, useRef, useState } from 'react'
import { PIVOT_LEXICON } from '../../lib/analysis/lexicon-presets'
import { ImportCancelled, startImport, type ImportHandle } from '../../workers/import-client'
import type { ImportProgress, ImportSummary } from '../../workers/import-protocol'

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; fileName: string; progress: ImportProgress | null }
  | { phase: 'decide'; fileName: string; summary: ImportSummary }
  | { phase: 'done'; fileName: string; summary: ImportSummary }
  | { phase: 'failed'; fileName: string; message: string }
  | { phase: 'cancelling'; fileName: string }
  | { phase: 'cancelled'; fileName: string }

/** Drives one import at a time: start, progress, cancel, and the decision about bad rows. */
export function useImport() {
  const [state, setState] = useState<ImportState>({ phase: 'idle' })
  const handle = useRef<ImportHandle | null>(null)

  const start = useCallback(async (file: Blob, fileName: string) => {
    const name = fileName.replace(/\.(jsonl?|ndjson)(\.gz)?$/i, '')
    setState({ phase: 'running', fileName, progress: null })
    const h = startImport(
      file,
      { name, variant: '', fileName, lexicon: PIVOT_LEXICON },
      (progress) =>
        setState((s) => (s.phase === 'running' && handle.current === h ? { ...s, progress } : s)),
    )
    handle.current = h
    try {
      const summary = await h.done
      if (handle.current !== h) return
      setState({ phase: summary.awaitingDecision ? 'decide' : 'done', fileName, summary })
    } catch (error) {
      if (handle.current !== h || error instanceof ImportCancelled) return
      setState({ phase: 'failed', fileName, message: messageOf(error) })
    }
  }, [])

  const cancel = useCallback(async () => {
    const h = handle.current
    if (!h || state.phase !== 'running') return
    handle.current = null
    setState({ phase: 'cancelling', fileName: state.fileName })
    await h.cancel()
    setState({ phase: 'cancelled', fileName: state.fileName })
  }, [state])

  const decide = useCallback(
    async (keep: boolean) => {
      const h = handle.current
      if (!h || state.phase !== 'decide') return
      if (keep) {
        await h.keep(state.summary)
        setState({ phase: 'done', fileName: state.fileName, summary: state.summary })
      } else {
        await h.discard()
        setState({ phase: 'idle' })
      }
      handle.current = null
    },
    [state],
  )

  const dismiss = useCallback(() => setState({ phase: 'idle' }), [])

  return { state, start, cancel, decide, dismiss }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
