/**
 * The browser's storage for this app (issue #12): how much is used of what the browser allows,
 * and whether it is persistent (kept when space runs low) or best-effort (may be cleared).
 * Re-read whenever the page asks (after imports, deletes and restores, when the tab is shown
 * again), never read once at load.
 */
import { useCallback, useEffect, useState } from 'react'

export interface StorageState {
  usage: number | null
  quota: number | null
  /** null when the browser cannot tell (no StorageManager). */
  persisted: boolean | null
}

async function readStorage(): Promise<StorageState> {
  const storage = navigator.storage as StorageManager | undefined
  if (!storage) return { usage: null, quota: null, persisted: null }
  const [estimate, persisted] = await Promise.all([
    storage.estimate().catch(() => undefined),
    storage.persisted?.().catch(() => null) ?? Promise.resolve(null),
  ])
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted }
}

/**
 * Asks the browser to keep the app's data (navigator.storage.persist): done at the first import,
 * once the user has shown the data matters. Returns the state after asking.
 */
export async function requestPersistence(): Promise<boolean | null> {
  const storage = navigator.storage as StorageManager | undefined
  if (!storage?.persist) return null
  try {
    if (await storage.persisted()) return true
    return await storage.persist()
  } catch {
    return null
  }
}

/** The storage figures, re-read when `version` changes and whenever the tab becomes visible. */
export function useStorageState(version: unknown): StorageState | null {
  const [state, setState] = useState<StorageState | null>(null)
  const refresh = useCallback(() => {
    readStorage().then(setState, () => setState(null))
  }, [])
  useEffect(refresh, [refresh, version])
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => document.removeEventListener('visibilitychange', onVisible)
  }, [refresh])
  return state
}
