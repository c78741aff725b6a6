import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react'
import { scrollToOffset } from '../../components/highlighted-text/scroll-to-offset'
import type { TextRange } from '../../components/trace-field/build-layers'

const reasoningIn = (root: RefObject<HTMLElement | null>) =>
  root.current?.querySelector<HTMLElement>('[data-field="reasoning"]')

/** What ends a mark: the reader doing something else. */
const DISMISS_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const

/**
 * Jumps in the reasoning: scrolls an offset into view and marks it until the reader next clicks,
 * types or scrolls with the wheel (a timer would let a slow machine hide the mark before it was
 * seen). A deep link's `at` (and `to`) is jumped to once the text is shown; the minimap jumps on
 * click.
 */
export function useOffsetTarget(
  root: RefObject<HTMLElement | null>,
  text: string | undefined,
  link: { at: number | null; to: number | null },
) {
  const [jumped, setJumped] = useState<TextRange | null>(null)
  const [expiredLink, setExpiredLink] = useState<string | null>(null)
  const linked = useMemo(
    () => (text === undefined || link.at === null ? null : clampRange(text, link.at, link.to)),
    [text, link.at, link.to],
  )
  const linkKey = linked ? `${linked.start}-${linked.end}` : null

  useEffect(() => {
    const container = reasoningIn(root)
    if (!linked || !container) return
    scrollToOffset(container, linked.start)
  }, [root, linked])

  // The same function while the text is: the minimap is not re-drawn for a new one.
  const jump = useCallback(
    (offset: number) => {
      const container = reasoningIn(root)
      if (!container || text === undefined) return
      const range = clampRange(text, offset, null)
      scrollToOffset(container, range.start)
      setJumped(range)
    },
    [root, text],
  )
  const target = jumped ?? (linkKey !== null && linkKey !== expiredLink ? linked : null)
  const marked = target !== null
  useEffect(() => {
    if (!marked) return
    const dismiss = () => {
      setJumped(null)
      setExpiredLink(linkKey)
    }
    // Listen from the next task on, so that the click that made the jump does not end it.
    const timer = setTimeout(() => {
      for (const type of DISMISS_EVENTS) addEventListener(type, dismiss, { once: true })
    }, 0)
    return () => {
      clearTimeout(timer)
      for (const type of DISMISS_EVENTS) removeEventListener(type, dismiss)
    }
  }, [marked, linkKey])
  return { target, jump }
}

/** The range to mark: `[at, to)`, or the word at `at` so that a bare offset shows something. */
function clampRange(text: string, at: number, to: number | null): TextRange {
  const start = Math.max(0, Math.min(at, text.length))
  const word = /^\S{1,40}/.exec(text.slice(start, start + 40))
  const end = to ?? start + (word?.[0].length ?? 1)
  return { start, end: Math.min(text.length, Math.max(end, start + 1)) }
}
