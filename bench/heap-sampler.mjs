/**
 * Samples the JS heap of a page and of its dedicated workers through the DevTools protocol
 * (workers have no `performance.memory`), and keeps the peak of their sum. Workers are reached
 * by auto-attaching to them from the page's session.
 */
export async function startHeapSampler(context, page, intervalMs = 200) {
  const cdp = await context.newCDPSession(page)
  const workers = new Set()
  const pending = new Map()
  let nextId = 1
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.add(e.sessionId)
  })
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId))
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message)
    pending.get(message.id)?.(message.result)
    pending.delete(message.id)
  })
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  })
  const workerHeap = (sessionId) =>
    new Promise((resolve) => {
      const id = nextId++
      pending.set(id, resolve)
      const message = JSON.stringify({ id, method: 'Runtime.getHeapUsage' })
      cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => resolve(undefined))
      setTimeout(() => resolve(undefined), 2000)
    })
  let peak = 0
  let stopped = false
  const sample = async () => {
    const own = await cdp.send('Runtime.getHeapUsage')
    const others = await Promise.all([...workers].map(workerHeap))
    const total = others.reduce((sum, u) => sum + (u?.usedSize ?? 0), own.usedSize)
    peak = Math.max(peak, total)
  }
  const loop = (async () => {
    while (!stopped) {
      await sample().catch(() => {})
      await new Promise((r) => setTimeout(r, intervalMs))
    }
  })()
  return {
    async stop() {
      stopped = true
      await loop
      await cdp.detach().catch(() => {})
      return peak
    },
  }
}
