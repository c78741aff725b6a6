/**
 * React.lazy with a preload. `preload()` starts fetching the module early (say, when a file is
 * chosen, while its preview is read); a component whose module has arrived then renders at once.
 * A plain lazy component suspends on its first render even when its module is already there
 * (its promise settles a microtask later), and React holds content revealed after a fallback
 * back for 300 ms (FALLBACK_THROTTLE_MS): a third of a second on every import preview (#14).
 */
import { lazy, useState, type ComponentType } from 'react'

export interface Preloadable<P extends object> {
  Component: ComponentType<P>
  /** Starts loading the module (once); resolves when it is there. */
  preload(): Promise<void>
}

export function preloadableLazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
): Preloadable<P> {
  let loaded: ComponentType<P> | null = null
  let loading: Promise<ComponentType<P>> | null = null
  const fetch = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null // a failed download (offline) is tried again by the next render
        throw error
      },
    ))
  const Lazy = lazy(async () => ({ default: await fetch() }))
  function Component(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the module would remount it.
    const [Chosen] = useState<ComponentType<P>>(() => loaded ?? Lazy)
    return <Chosen {...props} />
  }
  return {
    Component,
    preload: () => fetch().then(() => undefined),
  }
}
