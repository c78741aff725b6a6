// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { useIdleValue } from './use-idle-value'

describe('useIdleValue', () => {
  it('takes the first value at once and follows a change only in idle time', async () => {
    vi.useFakeTimers()
    try {
      const { result, rerender } = renderHook(({ v }) => useIdleValue(v), {
        initialProps: { v: 'first' },
      })
      expect(result.current).toBe('first')
      rerender({ v: 'second' })
      expect(result.current).toBe('first')
      rerender({ v: 'third' })
      await act(() => vi.runAllTimersAsync())
      expect(result.current).toBe('third')
    } finally {
      vi.useRealTimers()
    }
  })
})
