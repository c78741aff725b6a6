/**
 * The colour theme: the system's (prefers-color-scheme) by default, or light or dark as chosen
 * in the header. The choice is a pref (the `prefs` table), so it follows to every tab and
 * survives a reload; the page's palette (app/base.css) follows the resolved scheme.
 */
import { useSyncExternalStore } from 'react'
import { PREF_KEYS } from '../db/prefs'
import { usePref } from './prefs'

export type Theme = 'system' | 'light' | 'dark'
export type ColorScheme = 'light' | 'dark'

export const THEMES: readonly { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

export function useThemePref(): [Theme, (theme: Theme) => void] {
  return usePref<Theme>(PREF_KEYS.theme, 'system')
}

const DARK_QUERY = '(prefers-color-scheme: dark)'

function subscribeSystem(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

const systemIsDark = () => window.matchMedia(DARK_QUERY).matches

/** The scheme in use: the chosen theme, or the system's (live, as the system changes). */
export function useColorScheme(): ColorScheme {
  const [theme] = useThemePref()
  const dark = useSyncExternalStore(subscribeSystem, systemIsDark)
  if (theme === 'system') return dark ? 'dark' : 'light'
  return theme
}
