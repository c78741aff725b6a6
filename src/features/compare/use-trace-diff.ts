import { useEffect, useState } from 'react'
import type { DiffUnit, TraceDiff } from '../../lib/compare/trace-diff'
import { startDiff } from '../../workers/diff-client'

export type DiffState =
  | { status: 'off' }
  | { status: 'running' }
  | { status: 'done'; diff: TraceDiff }
  | { status: 'failed'; message: string }

interface Request {
  a: string
  b: string
  unit: DiffUnit
}

/**
 * The diff of two texts by step or sentence, computed in a worker (a diff of two long traces
 * takes longer than a frame); a new request drops the one before. Null texts or unit: no diff.
 */
export function useTraceDiff(a: string | null, b: string | null, unit: DiffUnit | null): DiffState {
  const [answer, setAnswer] = useState<{ request: Request; state: DiffState } | null>(null)
  useEffect(() => {
    if (a === null || b === null || unit === null) return
    const request = { a, b, unit }
    const handle = startDiff(a, b, unit)
    let live = true
    handle.done.then(
      (diff) => live && setAnswer({ request, state: { status: 'done', diff } }),
      (e: unknown) =>
        live &&
        setAnswer({
          request,
          state: { status: 'failed', message: e instanceof Error ? e.message : String(e) },
        }),
    )
    return () => {
      live = false
      handle.cancel()
    }
  }, [a, b, unit])
  if (a === null || b === null || unit === null) return { status: 'off' }
  const r = answer?.request
  return r && r.a === a && r.b === b && r.unit === unit ? answer.state : { status: 'running' }
}
