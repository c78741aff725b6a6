// Copied unchanged (but for formatting) from ../shared/peer-bench/src/runner.js.
// In-page side of the benchmark. Every page under test calls runBench(adapter) and so
// exposes the same contract on window.__bench (see README, "Page contract"):
//   __bench.ready            Promise<LoadResult>   resolves once all highlights are painted
//   __bench.scroll(steps)    Promise<ScrollResult> top -> bottom in `steps` jumps
//   __bench.addSpan()        Promise<AddResult>    one more span through the tool's API
//
// An adapter is { tool, version, load(root, data), scrollElement(), settleAfterScroll?(),
//   addSpan?(span, data), addSpanAlternatives?: { name: (span, data) => how },
//   verify?(data, spans), highlightElements?() }.

export const params = new URLSearchParams(location.search)

/** Resolves in the next animation frame callback. */
export const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))

/** Resolves after the next frame has been produced: rAF, then a task queued from it. */
export const nextPaint = () =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

/** Checks `cond` once per animation frame until it returns truthy. */
export async function waitFor(cond, { timeoutMs = 300000, what = 'condition' } = {}) {
  const t0 = performance.now()
  for (;;) {
    const v = cond()
    if (v) return v
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await frame()
  }
}

/** Finds the element that scrolls `el` (first scrollable ancestor, else the document). */
export function scrollParent(el) {
  for (let node = el?.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node)
    if (
      (overflowY === 'auto' || overflowY === 'scroll') &&
      node.scrollHeight > node.clientHeight + 1
    )
      return node
  }
  return document.scrollingElement
}

export const LABEL_COLORS = {
  realization: '#2e7d32',
  verification: '#1565c0',
  exploration: '#ef6c00',
  integration: '#6a1b9a',
}

export function dataUrl() {
  if (params.get('data')) return params.get('data')
  const n = params.get('n') ?? '25000'
  const s = params.get('s') ?? '200'
  const seed = params.get('seed') ?? '1'
  return `/data/n${n}-s${s}-seed${seed}.json`
}

/** A short range near the top of the text used by addSpan (two words after `from`). */
export function extraSpan(text, from = 40, id = 'bench-added') {
  const re = /\b[A-Za-z]+ [A-Za-z]+\b/g
  re.lastIndex = from
  const m = re.exec(text)
  const start = m ? m.index : 0
  const end = m ? m.index + m[0].length : Math.min(text.length, 10)
  return { id, start, end, label: 'realization', kind: 'added' }
}

export function runBench(adapter) {
  const marks = { moduleStart: performance.now() }
  let data = null
  const bench = {
    tool: adapter.tool,
    version: adapter.version,
    state: 'loading',
    error: null,
  }
  window.__bench = bench

  bench.ready = (async () => {
    try {
      const res = await fetch(dataUrl())
      if (!res.ok) throw new Error(`data ${res.status}`)
      data = await res.json()
      marks.dataReady = performance.now()
      const root = document.getElementById('root')
      marks.handoff = performance.now()
      await adapter.load(root, data)
      marks.conditionMet = performance.now()
      await nextPaint()
      marks.painted = performance.now()
      // Correctness check over every span (not timed): does what is painted match the data?
      const check = adapter.verify
        ? adapter.verify(data, data.spans)
        : { checked: 0, ok: 0, note: 'no highlights' }
      bench.state = 'ready'
      return {
        tool: adapter.tool,
        version: adapter.version,
        n: data.text.length,
        s: data.spans.length,
        // all times in ms; "nav" = since navigation start (performance.timeOrigin)
        moduleStartMs: marks.moduleStart,
        dataReadyMs: marks.dataReady,
        handoffMs: marks.handoff,
        paintedFromNavMs: marks.painted,
        paintedFromHandoffMs: marks.painted - marks.handoff,
        highlightElements: adapter.highlightElements ? adapter.highlightElements() : 0,
        check,
      }
    } catch (err) {
      bench.state = 'error'
      bench.error = String(err && err.stack ? err.stack : err)
      throw err
    }
  })()

  bench.scroll = async (steps = 10) => {
    await bench.ready
    const el = adapter.scrollElement()
    const settle = adapter.settleAfterScroll
      ? () => adapter.settleAfterScroll()
      : async () => {
          await frame()
          await nextPaint()
        }
    el.scrollTo({ top: 0, behavior: 'instant' })
    await settle()
    const max = el.scrollHeight - el.clientHeight

    const frames = []
    let running = true
    const loop = (ts) => {
      frames.push(ts)
      if (running) requestAnimationFrame(loop)
    }
    const longTasks = []
    // eslint-disable-next-line no-useless-assignment -- the harness's code, unchanged
    let observer = null
    try {
      observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longTasks.push(e)
      })
      observer.observe({ type: 'longtask' })
    } catch {
      observer = null
    }
    requestAnimationFrame(loop)
    await frame()

    const t0 = performance.now()
    const stepMs = []
    for (let i = 1; i <= steps; i++) {
      const ts = performance.now()
      el.scrollTo({ top: Math.round((max * i) / steps), behavior: 'instant' })
      await settle()
      stepMs.push(performance.now() - ts)
    }
    const t1 = performance.now()
    running = false
    await frame()
    if (observer) {
      for (const e of observer.takeRecords()) longTasks.push(e)
      observer.disconnect()
    }

    const inWindow = frames.filter((ts) => ts <= t1 + 1)
    let worst = 0
    for (let i = 1; i < inWindow.length; i++) {
      if (inWindow[i] >= t0 - 34) worst = Math.max(worst, inWindow[i] - inWindow[i - 1])
    }
    const lt = longTasks.filter((e) => e.startTime + e.duration >= t0 && e.startTime <= t1)
    return {
      steps,
      scrollHeight: el.scrollHeight,
      clientHeight: el.clientHeight,
      reachedBottom: el.scrollTop + el.clientHeight >= el.scrollHeight - 2,
      totalMs: t1 - t0,
      stepMs,
      worstFrameMs: worst,
      frames: inWindow.length,
      longTasks: lt.length,
      longTaskMaxMs: lt.reduce((m, e) => Math.max(m, e.duration), 0),
      longTaskTotalMs: lt.reduce((m, e) => m + e.duration, 0),
    }
  }

  const toTop = async () => {
    adapter.scrollElement().scrollTo({ top: 0, behavior: 'instant' })
    if (adapter.settleAfterScroll) await adapter.settleAfterScroll()
    else {
      await frame()
      await nextPaint()
    }
  }
  const timeAdd = async (fn, span) => {
    const t0 = performance.now()
    const how = await fn(span, data)
    await nextPaint()
    return { ms: performance.now() - t0, how, span: { start: span.start, end: span.end } }
  }

  // Time from the call that adds one span near the top of the (visible) text until the
  // frame after the new highlight exists. Alternatives, if any, are timed afterwards on
  // other spans (each after the previous one has finished).
  bench.addSpan = async () => {
    await bench.ready
    if (!adapter.addSpan) return { supported: false }
    await toTop()
    const first = extraSpan(data.text)
    const result = { supported: true, ...(await timeAdd(adapter.addSpan, first)) }
    const alternatives = Object.entries(adapter.addSpanAlternatives || {})
    if (alternatives.length) {
      result.alternatives = {}
      let from = first.end + 1
      for (const [name, fn] of alternatives) {
        const span = extraSpan(data.text, from, `bench-added-${name}`)
        from = span.end + 1
        await toTop()
        result.alternatives[name] = await timeAdd(fn, span)
      }
    }
    return result
  }

  bench.elementCount = () => document.getElementsByTagName('*').length
  return bench
}
