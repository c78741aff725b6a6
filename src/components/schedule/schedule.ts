/** Work put off the frame that is being drawn; each returns its cancel. */

/** Runs `run` after the next frame has been painted (a task queued from its animation frame). */
export function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}

/**
 * Runs `run` in the animation frame `frames` frames from now (1: the next one), once what the
 * frames before it changed has been laid out; returns its cancel.
 */
export function afterFrames(frames: number, run: () => void): () => void {
  let frame = 0
  const next = (left: number) => {
    frame = requestAnimationFrame(() => (left > 1 ? next(left - 1) : run()))
  }
  next(frames)
  return () => cancelAnimationFrame(frame)
}

/** Runs `run` in idle time (soon, where the browser cannot tell). */
export function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 500 })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(run, 200)
  return () => clearTimeout(id)
}
