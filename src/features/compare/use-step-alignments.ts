import { useEffect, useState } from 'react'
import type { StepPairs } from '../../lib/compare/step-map'
import { startDiff, type DiffHandle } from '../../workers/diff-client'

/** The step alignment of every two panes, `${i},${j}` (i < j) to the matched step pairs. */
export type StepAlignments = ReadonlyMap<string, StepPairs>

export type AlignmentState =
  | { status: 'off' }
  | { status: 'running' }
  | { status: 'done'; alignments: StepAlignments }
  | { status: 'failed'; message: string }

/**
 * The diff by step of every two panes (at most six for four panes), one after another in the
 * diff worker, while `enabled` (aligned-step scrolling). Until they are in, or when one fails,
 * the panes scroll by step number.
 */
export function useStepAlignments(texts: readonly string[], enabled: boolean): AlignmentState {
  const key = texts.join('\u0000')
  const [answer, setAnswer] = useState<{ key: string; state: AlignmentState } | null>(null)
  useEffect(() => {
    if (!enabled) return
    const list = key.split('\u0000')
    const jobs: [number, number][] = []
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) jobs.push([i, j])
    let handle: DiffHandle | null = null
    let live = true
    const alignments = new Map<string, StepPairs>()
    const run = async () => {
      for (const [i, j] of jobs) {
        handle = startDiff(list[i]!, list[j]!, 'step')
        const diff = await handle.done
        if (!live) return
        alignments.set(`${i},${j}`, diff.alignedUnits)
      }
      setAnswer({ key, state: { status: 'done', alignments } })
    }
    run().catch(
      (e: unknown) =>
        live &&
        setAnswer({
          key,
          state: { status: 'failed', message: e instanceof Error ? e.message : String(e) },
        }),
    )
    return () => {
      live = false
      handle?.cancel()
    }
  }, [key, enabled])
  if (!enabled) return { status: 'off' }
  return answer?.key === key ? answer.state : { status: 'running' }
}
