import { afterEach, describe, expect, it } from 'vitest'
import { useNoticeStore } from '../stores/notice-store'
import { JobCancelled, type JobHandle } from '../workers/worker-job'
import { createJob } from './jobs'

afterEach(() => useNoticeStore.getState().reset())

/** A job driven by the test: report progress, finish, fail. */
function fakeJob() {
  let finish: (value: string) => void = () => {}
  let fail: (error: Error) => void = () => {}
  let report: (p: number) => void = () => {}
  const start = (onProgress: (p: number) => void, name: string): JobHandle<string> => {
    report = onProgress
    const done = new Promise<string>((resolve, reject) => {
      finish = (v) => resolve(`${name}:${v}`)
      fail = reject
    })
    return {
      done,
      cancel: async () => {
        fail(new JobCancelled('stopped'))
        await done.catch(() => {})
      },
    }
  }
  return {
    start,
    finish: (v: string) => finish(v),
    fail: (e: Error) => fail(e),
    report: (p: number) => report(p),
  }
}

describe('JobController', () => {
  it('runs, reports progress and keeps the result', async () => {
    const fake = fakeJob()
    const job = createJob(fake.start, { describe: (name) => name })
    const seen: number[] = []
    const run = job.observe((p) => seen.push(p), 'a')
    await Promise.resolve()
    expect(job.getState()).toMatchObject({ phase: 'running', label: 'a' })
    fake.report(1)
    fake.report(2)
    fake.finish('x')
    expect(await run).toBe('a:x')
    expect(seen).toEqual([1, 2])
    expect(job.getState()).toMatchObject({ phase: 'done', result: 'a:x', progress: 2 })
  })

  it('ends cancelled, without a notice, when cancelled', async () => {
    const fake = fakeJob()
    const job = createJob(fake.start, { failureWhat: 'run it' })
    const run = job.start('a')
    await Promise.resolve()
    await job.cancel()
    expect(await run).toBeUndefined()
    expect(job.getState()).toMatchObject({ phase: 'cancelled', message: 'stopped' })
    expect(useNoticeStore.getState().notices).toEqual([])
  })

  it('tells the user when a run fails, with Retry', async () => {
    const fake = fakeJob()
    const job = createJob(fake.start, { failureWhat: 'export demo' })
    const run = job.start('a')
    await Promise.resolve()
    fake.fail(new Error('disk full'))
    expect(await run).toBeUndefined()
    expect(job.getState()).toMatchObject({ phase: 'failed', message: 'disk full' })
    const [notice] = useNoticeStore.getState().notices
    expect(notice?.message).toBe('Could not export demo: disk full')
    expect(notice?.retry).toBeTypeOf('function')
  })

  it('drops a stale run: starting again cancels the run before', async () => {
    const fake = fakeJob()
    const job = createJob(fake.start)
    const first = job.start('a')
    await Promise.resolve()
    const second = job.start('b')
    expect(await first).toBeUndefined()
    await new Promise((r) => setTimeout(r, 0))
    fake.finish('y')
    expect(await second).toBe('b:y')
    expect(job.getState().phase).toBe('done')
  })
})
