import { useCallback, useEffect, useMemo, useRef } from 'react'
import { flipPairs, mapStepPlace, type StepPlace } from '../../lib/compare/step-map'
import type { StepAlignments } from './use-step-alignments'

/**
 * How the panes scroll together: by relative position (the same fraction of each trace), by
 * aligned step (the leading pane's top step, matched in each other pane by the diff by step;
 * see lib/compare/step-map), or not.
 */
export type SyncMode = 'position' | 'step' | 'off'

/** What this hook last set a follower to: its scroll position and its content's height then. */
interface Setting {
  top: number
  height: number
}

/**
 * Synchronised scrolling of the panes, by design rather than by timing:
 * - one pane leads: the one the user last wheeled, pressed, touched, typed in or focused, or
 *   scrolled by any other means (a scroll this hook did not make, of a pane whose content kept
 *   its height);
 * - on the leader's scroll event the followers are set in the same handler, so in the same frame;
 * - a follower's own scroll events are told apart from the user's by comparing with what was
 *   set (position and content height), never by a timer: an echo of a setting is ignored, and a
 *   move of a pane whose content height changed since (blocks laid out, scroll anchoring) puts
 *   it back in step;
 * - when any pane's content changes height (blocks scrolled into view are laid out only then:
 *   `content-visibility`), a ResizeObserver puts the followers back in step.
 */
export function useScrollSync(mode: SyncMode, count: number, alignments: StepAlignments | null) {
  const scrollers = useRef<(HTMLElement | null)[]>([])
  const settings = useRef<(Setting | null)[]>([])
  const leader = useRef(0)
  const config = useRef({ mode, alignments })

  const follow = useCallback((to: number) => {
    const from = leader.current
    const { mode, alignments } = config.current
    const source = scrollers.current[from]
    const target = scrollers.current[to]
    if (mode === 'off' || to === from || !source || !target) return
    const top =
      mode === 'step'
        ? stepTop(source, target, pairsOf(alignments, from, to))
        : positionTop(source, target)
    if (top === null) return
    if (Math.abs(target.scrollTop - top) >= 1) target.scrollTop = top
    // Read back: the browser rounds and clamps what it is given.
    settings.current[to] = { top: target.scrollTop, height: target.scrollHeight }
  }, [])
  const followAll = useCallback(() => {
    for (let i = 0; i < scrollers.current.length; i++) follow(i)
  }, [follow])

  const lead = useCallback((i: number) => {
    leader.current = i
    settings.current[i] = null
  }, [])

  const onScroll = useCallback(
    (i: number) => {
      const el = scrollers.current[i]
      if (!el) return
      if (config.current.mode === 'off') return lead(i)
      if (i !== leader.current) {
        const set = settings.current[i]
        if (set && Math.abs(el.scrollTop - set.top) < 1) return // the echo of a setting
        if (set && el.scrollHeight !== set.height) return follow(i) // moved by its layout
        lead(i) // moved by the user (or the app, e.g. a jump): it leads now
      }
      followAll()
    },
    [follow, followAll, lead],
  )

  // Content height changes of any pane: followers back in step.
  const observer = useRef<ResizeObserver | null>(null)
  useEffect(() => {
    const ro = new ResizeObserver(() => followAll())
    observer.current = ro
    for (const el of scrollers.current) if (el?.firstElementChild) ro.observe(el.firstElementChild)
    return () => {
      ro.disconnect()
      observer.current = null
    }
  }, [followAll])

  const refs = useMemo(
    () =>
      Array.from({ length: count }, (_, i) => (el: HTMLElement | null) => {
        const old = scrollers.current[i]
        if (old?.firstElementChild) observer.current?.unobserve(old.firstElementChild)
        scrollers.current[i] = el
        settings.current[i] = null
        if (el?.firstElementChild) observer.current?.observe(el.firstElementChild)
      }),
    [count],
  )

  // A new mode or a new alignment: the followers take their place from the leader at once.
  useEffect(() => {
    config.current = { mode, alignments }
    followAll()
  }, [mode, alignments, followAll])

  return { refs, lead, onScroll }
}

function pairsOf(alignments: StepAlignments | null, from: number, to: number) {
  if (!alignments) return []
  return from < to
    ? (alignments.get(`${from},${to}`) ?? [])
    : flipPairs(alignments.get(`${to},${from}`) ?? [])
}

function positionTop(source: HTMLElement, target: HTMLElement): number {
  const ratio = source.scrollTop / Math.max(1, source.scrollHeight - source.clientHeight)
  return ratio * (target.scrollHeight - target.clientHeight)
}

/**
 * A pane's reasoning steps (text blocks) and their sections. The scroller is the sections'
 * offset parent; a section, being `content-visibility: auto`, is its blocks' (Chromium).
 */
const STEPS = '.text-block[data-step]'
const SECTIONS = '[data-field="reasoning"] .text-section'

/** The top of `el` in the content of `scroller`, through its offset parents. */
function topIn(scroller: HTMLElement, el: HTMLElement): number {
  let top = 0
  for (
    let e: HTMLElement | null = el;
    e && e !== scroller;
    e = e.offsetParent as HTMLElement | null
  )
    top += e.offsetTop
  return top
}

/** The last of `els` whose top is at or above `top` (the first when none is). */
function lastAtOrAbove(
  scroller: HTMLElement,
  els: NodeListOf<HTMLElement>,
  top: number,
): HTMLElement | undefined {
  let lo = 0
  let hi = els.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (topIn(scroller, els[mid]!) <= top) lo = mid
    else hi = mid - 1
  }
  return els[lo]
}

/**
 * Which step is at the top of the scroller, and how far into it (0..1): its section first, then
 * its block, so that no box is read inside a section `content-visibility` skips (reading one
 * lays that section out).
 */
function stepPlace(scroller: HTMLElement): StepPlace | null {
  const top = scroller.scrollTop
  const sections = scroller.querySelectorAll<HTMLElement>(SECTIONS)
  const section = lastAtOrAbove(scroller, sections, top)
  const block = section && lastAtOrAbove(scroller, section.querySelectorAll(STEPS), top)
  if (!block) return null
  const fraction = Math.min(
    1,
    Math.max(0, (top - topIn(scroller, block)) / Math.max(1, block.offsetHeight)),
  )
  return { index: Number(block.dataset.step) - 1, fraction }
}

function stepTop(
  source: HTMLElement,
  target: HTMLElement,
  pairs: readonly (readonly [number, number])[],
): number | null {
  const place = stepPlace(source)
  const blocks = target.querySelectorAll<HTMLElement>(`[data-field="reasoning"] ${STEPS}`)
  if (!place || blocks.length === 0) return null
  const { index, fraction } = mapStepPlace(place, pairs, blocks.length)
  const block = blocks[index]!
  return topIn(target, block) + fraction * block.offsetHeight
}
