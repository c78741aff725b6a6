/* global document, localStorage */
// Applies the chosen colour theme before the first paint, so a reload never flashes the system's
// theme first. The choice lives in IndexedDB (prefs); app/theme-setting.tsx mirrors it here in
// localStorage, which can be read synchronously. A plain script file: the page's CSP allows no
// inline script.
try {
  const theme = localStorage.getItem('tracemark.theme')
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme
} catch {
  // storage blocked: the app applies the theme once prefs are read
}
