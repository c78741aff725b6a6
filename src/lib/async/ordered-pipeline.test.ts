import { describe, expect, it } from 'vitest'
import { OrderedPipeline } from './ordered-pipeline'

/** A promise with its resolve and reject at hand. */
function deferred<T = void>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('OrderedPipeline', () => {
  it('starts batches in push order, each once it is ready', async () => {
    const pipeline = new OrderedPipeline(10)
    const started: number[] = []
    const readies = [deferred<number>(), deferred<number>(), deferred<number>()]
    for (const r of readies) {
      await pipeline.push(r.promise, async (n) => void started.push(n))
    }
    readies[2]!.resolve(2)
    readies[1]!.resolve(1)
    await tick()
    expect(started).toEqual([])
    readies[0]!.resolve(0)
    await pipeline.drain()
    expect(started).toEqual([0, 1, 2])
  })

  it('starts the next batch while the one before is still being completed', async () => {
    const pipeline = new OrderedPipeline(10)
    const first = deferred()
    const started: string[] = []
    await pipeline.push(Promise.resolve('a'), (v) => (started.push(v), first.promise))
    await pipeline.push(Promise.resolve('b'), async (v) => void started.push(v))
    await tick()
    expect(started).toEqual(['a', 'b'])
    first.resolve()
    await pipeline.drain()
  })

  it('holds the producer while `limit` batches are in flight', async () => {
    const pipeline = new OrderedPipeline(2)
    const writes = [deferred(), deferred()]
    await pipeline.push(Promise.resolve(0), () => writes[0]!.promise)
    let returned = false
    const second = pipeline
      .push(Promise.resolve(1), () => writes[1]!.promise)
      .then(() => (returned = true))
    await tick()
    expect(returned).toBe(false)
    writes[0]!.resolve()
    await second
    expect(returned).toBe(true)
    writes[1]!.resolve()
    await pipeline.drain()
  })

  it('after a failure starts nothing more and throws the first failure', async () => {
    const pipeline = new OrderedPipeline(10)
    const started: number[] = []
    const failing = deferred<number>()
    const later = deferred<number>()
    await pipeline.push(failing.promise, async (n) => void started.push(n))
    await pipeline.push(later.promise, async (n) => void started.push(n))
    failing.reject(new Error('analysis failed'))
    later.resolve(1)
    await expect(pipeline.drain()).rejects.toThrow('analysis failed')
    expect(started).toEqual([])
    await expect(pipeline.push(Promise.resolve(2), async () => {})).rejects.toThrow(
      'analysis failed',
    )
  })

  it('abandon starts nothing more and waits for the started batches to end', async () => {
    const pipeline = new OrderedPipeline(10)
    const write = deferred()
    await pipeline.push(Promise.resolve(1), () => write.promise)
    const waiting = deferred<number>()
    let startedLate = false
    await pipeline.push(waiting.promise, async () => void (startedLate = true))
    let settled = false
    const settling = pipeline.abandon().then(() => (settled = true))
    waiting.resolve(2)
    await tick()
    expect(settled).toBe(false)
    write.resolve()
    await settling
    expect(startedLate).toBe(false)
  })
})
