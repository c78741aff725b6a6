// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react'
import { Suspense, type ComponentType } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { preloadableLazy } from './preloadable-lazy'

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>
}

const view = (Component: ComponentType<{ name: string }>) => (
  <Suspense fallback={<p>Loading</p>}>
    <Component name="Ada" />
  </Suspense>
)

afterEach(cleanup)

describe('preloadableLazy', () => {
  it('renders a preloaded component at once, without a fallback', async () => {
    const { Component, preload } = preloadableLazy(() => Promise.resolve(Greeting))
    await preload()
    render(view(Component))
    expect(screen.getByText('Hello Ada')).toBeTruthy()
    expect(screen.queryByText('Loading')).toBeNull()
  })

  it('suspends like React.lazy when rendered before its module arrived', async () => {
    let arrive: (c: typeof Greeting) => void = () => {}
    const { Component } = preloadableLazy(() => new Promise<typeof Greeting>((r) => (arrive = r)))
    render(view(Component))
    expect(screen.getByText('Loading')).toBeTruthy()
    await act(async () => arrive(Greeting))
    expect(await screen.findByText('Hello Ada')).toBeTruthy()
  })

  it('loads the module once however often it is preloaded', async () => {
    let loads = 0
    const { preload } = preloadableLazy(() => {
      loads += 1
      return Promise.resolve(Greeting)
    })
    await Promise.all([preload(), preload()])
    await preload()
    expect(loads).toBe(1)
  })

  it('tries a failed load again', async () => {
    let loads = 0
    const { preload } = preloadableLazy(() => {
      loads += 1
      return loads === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Greeting)
    })
    await expect(preload()).rejects.toThrow('offline')
    await preload()
    expect(loads).toBe(2)
  })
})
