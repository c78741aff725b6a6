import { useCallback, useMemo, useRef } from 'react'

/**
 * How the panes scroll together: by relative position (the same fraction of each trace), by
 * aligned step (step n of each trace at the top, as far into it as the leading pane is), or not.
 */
export type SyncMode = 'position' | 'step' | 'off'

const SETTLE_FRAMES = 12

/**
 * Synchronised scrolling of the panes. Only the leading pane (the one last pointed at, wheeled,
 * touched or typed in) drives the others, so the scroll events the others then fire never echo
 * back and make the panes jitter.
 */
export function useScrollSync(mode: SyncMode, count: number) {
  const scrollers = useRef<(HTMLElement | null)[]>([])
  const leader = useRef(0)
  const refs = useMemo(
    () =>
      Array.from({ length: count }, (_, i) => (el: HTMLElement | null) => {
        scrollers.current[i] = el
      }),
    [count],
  )
  const lead = useCallback((i: number) => {
    leader.current = i
  }, [])
  // Frames left in which the followers keep following the leader (see onScroll).
  const settling = useRef(0)
  const onScroll = useCallback(
    (from: number) => {
      if (mode === 'off' || from !== leader.current) return
      const source = scrollers.current[from]
      if (!source) return
      const follow = () => {
        const place = mode === 'step' ? stepPlace(source) : null
        scrollers.current.forEach((target, i) => {
          if (!target || i === from) return
          target.scrollTop = place ? stepTop(target, place) : positionTop(source, target)
        })
      }
      follow()
      // Blocks scrolled into view are laid out only after this (content-visibility): their real
      // heights change the panes' scroll heights, so the followers follow for a few more frames.
      const running = settling.current > 0
      settling.current = SETTLE_FRAMES
      if (running) return
      const step = () => {
        if (leader.current !== from || settling.current <= 0) return void (settling.current = 0)
        settling.current -= 1
        follow()
        requestAnimationFrame(step)
      }
      requestAnimationFrame(step)
    },
    [mode],
  )
  return { refs, lead, onScroll }
}

function positionTop(source: HTMLElement, target: HTMLElement): number {
  const ratio = source.scrollTop / Math.max(1, source.scrollHeight - source.clientHeight)
  return ratio * (target.scrollHeight - target.clientHeight)
}

/** The steps (text blocks) of a pane's reasoning; the scroller is their offset parent. */
function steps(scroller: HTMLElement): HTMLElement[] {
  return [
    ...scroller.querySelectorAll<HTMLElement>('[data-field="reasoning"] .text-block[data-step]'),
  ]
}

/** Which step is at the top of the scroller, and how far into it (0..1). */
function stepPlace(scroller: HTMLElement): { index: number; fraction: number } | null {
  const blocks = steps(scroller)
  if (blocks.length === 0) return null
  const top = scroller.scrollTop
  let lo = 0
  let hi = blocks.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (blocks[mid]!.offsetTop <= top) lo = mid
    else hi = mid - 1
  }
  const block = blocks[lo]!
  const fraction = Math.min(
    1,
    Math.max(0, (top - block.offsetTop) / Math.max(1, block.offsetHeight)),
  )
  return { index: lo, fraction }
}

function stepTop(scroller: HTMLElement, place: { index: number; fraction: number }): number {
  const blocks = steps(scroller)
  const block = blocks[Math.min(place.index, blocks.length - 1)]
  if (!block) return 0
  // A pane with fewer steps stays at the end of its last step.
  const fraction = place.index >= blocks.length ? 1 : place.fraction
  return block.offsetTop + fraction * block.offsetHeight
}
