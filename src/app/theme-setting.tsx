import { useEffect } from 'react'
import { THEMES, useThemePref, type Theme } from '../data/theme'

/** The localStorage key public/theme-boot.js reads; the pref in IndexedDB stays the source. */
const THEME_MIRROR_KEY = 'tracemark.theme'

/**
 * The theme choice in the header, and its effect: `data-theme` on the root element picks the
 * palette's light or dark side (app/base.css); without it the system's preference decides.
 */
export function ThemeSetting() {
  const [theme, setTheme] = useThemePref()
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') delete root.dataset.theme
    else root.dataset.theme = theme
    try {
      // read before the first paint of the next load (public/theme-boot.js)
      localStorage.setItem(THEME_MIRROR_KEY, theme)
    } catch {
      // storage blocked: the next load shows the system theme until prefs are read
    }
  }, [theme])
  return (
    <label className="theme-setting">
      Theme
      <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        {THEMES.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </select>
    </label>
  )
}
