import { afterEach, describe, expect, it } from 'vitest'
import { useNoticeStore } from '../stores/notice-store'
import { runWrite, unfinishedWrites } from './write'

afterEach(() => useNoticeStore.getState().reset())

describe('runWrite', () => {
  it('resolves with the value and says nothing when the write succeeds', async () => {
    expect(await runWrite('save it', async () => 7)).toBe(7)
    expect(useNoticeStore.getState().notices).toEqual([])
  })

  it('reports a failure with its reason and a Retry that runs the write again', async () => {
    let calls = 0
    const write = async () => {
      calls++
      if (calls === 1) throw new Error('Database has been closed')
      return 'ok'
    }
    expect(await runWrite('save the span', write)).toBeUndefined()
    const [notice] = useNoticeStore.getState().notices
    expect(notice?.kind).toBe('error')
    expect(notice?.message).toBe('Could not save the span: Database has been closed')
    notice?.retry?.()
    await new Promise((r) => setTimeout(r, 0))
    expect(calls).toBe(2)
  })

  it('offers no Retry when asked not to', async () => {
    await runWrite('import', () => Promise.reject(new Error('no')), { retry: false })
    expect(useNoticeStore.getState().notices[0]?.retry).toBeUndefined()
  })

  it('counts a write as unfinished until it ends, failed or not (leaving the page asks meanwhile)', async () => {
    let finish = () => {}
    const slow = runWrite('save the span', () => new Promise<void>((r) => (finish = r)))
    const failing = runWrite('tag it', () => Promise.reject(new Error('no')))
    expect(unfinishedWrites()).toBe(2)
    await failing
    expect(unfinishedWrites()).toBe(1)
    finish()
    await slow
    expect(unfinishedWrites()).toBe(0)
  })
})
