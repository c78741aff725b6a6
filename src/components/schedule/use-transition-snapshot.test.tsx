// @vitest-environment happy-dom
import { render } from '@testing-library/react'
import { flushSync } from 'react-dom'
import { useSyncExternalStore } from 'react'
import { describe, expect, it } from 'vitest'
import { useTransitionSnapshot } from './use-transition-snapshot'

/** A store of one value: `large` says whether its last change was a large one. */
function store<T>(value: T) {
  const listeners = new Set<() => void>()
  const s = {
    value,
    large: false,
    subscribe: (l: () => void) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    get: () => s.value,
    isLarge: () => s.large,
    set(v: T, large = false) {
      s.value = v
      s.large = large
      for (const l of listeners) l()
    },
  }
  return s
}

const later = () => new Promise((resolve) => setTimeout(resolve, 50))

function Views({ s }: { s: ReturnType<typeof store<string | undefined>> }) {
  const now = useSyncExternalStore(s.subscribe, s.get)
  const after = useTransitionSnapshot(s.subscribe, s.get, s.isLarge)
  return (
    <p>
      <span data-testid="now">{now ?? 'loading'}</span>
      <span data-testid="after">{after ?? 'loading'}</span>
    </p>
  )
}

describe('useTransitionSnapshot', () => {
  it('follows a change after the urgent views; the first value and a large change at once', async () => {
    // Outside act(): React schedules the transition as it does in the page.
    const g = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
    const actEnvironment = g.IS_REACT_ACT_ENVIRONMENT
    g.IS_REACT_ACT_ENVIRONMENT = false
    try {
      const s = store<string | undefined>(undefined)
      const view = render(<Views s={s} />)
      await later()
      const shown = () => [
        view.getByTestId('now').textContent,
        view.getByTestId('after').textContent,
      ]
      expect(shown()).toEqual(['loading', 'loading'])

      flushSync(() => s.set('first'))
      expect(shown()).toEqual(['first', 'first'])

      flushSync(() => s.set('second'))
      expect(shown()).toEqual(['second', 'first'])
      await later()
      expect(shown()).toEqual(['second', 'second'])

      flushSync(() => s.set('third', true))
      expect(shown()).toEqual(['third', 'third'])
      view.unmount()
    } finally {
      g.IS_REACT_ACT_ENVIRONMENT = actEnvironment
    }
  })

  it('updates the views of two stores changed in one frame in one render', async () => {
    const g = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
    const actEnvironment = g.IS_REACT_ACT_ENVIRONMENT
    g.IS_REACT_ACT_ENVIRONMENT = false
    try {
      const a = store<string | undefined>('a1')
      const b = store<string | undefined>('b1')
      const renders: string[] = []
      function Pair() {
        const x = useTransitionSnapshot(a.subscribe, a.get)
        const y = useTransitionSnapshot(b.subscribe, b.get)
        renders.push(`${x} ${y}`)
        return null
      }
      const view = render(<Pair />)
      await later()
      a.set('a2')
      b.set('b2')
      await later()
      expect(renders.at(-1)).toBe('a2 b2')
      expect(renders).not.toContain('a2 b1')
      view.unmount()
    } finally {
      g.IS_REACT_ACT_ENVIRONMENT = actEnvironment
    }
  })
})
