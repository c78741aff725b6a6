import { defineConfig, devices } from '@playwright/test'

/**
 * End-to-end tests in real Chromium against the production build served by `vite preview`.
 * The browser is Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) when it exists, so
 * no browser download is needed; elsewhere Playwright's own browser is used.
 */
import { existsSync } from 'node:fs'
import { hasRealFixtures, REAL_SKIP_REASON } from './src/testing/real-fixtures'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!hasRealFixtures) console.warn(REAL_SKIP_REASON)
const PORT = Number(process.env.E2E_PORT ?? 4173)
const DEV = !!process.env.E2E_DEV

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  // Two cores: one browser at a time is the honest setting.
  workers: 1,
  reporter: [['list']],
  timeout: 60_000,
  // Machines here are shared: a busy moment must not fail a check that would pass a second later.
  expect: { timeout: 15_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    // A failure keeps the action log and screenshots, not DOM snapshots: a snapshot serialises
    // the whole page before and after every action, about a second of CPU on a 167,000-character
    // trace, which made the reader's specs several times slower (and timed them out under load).
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: true },
    launchOptions: {
      executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
      // Keep Chromium's own background requests from even attempting DNS on a closed network.
      args: ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost'],
    },
  },
  webServer: {
    command: DEV
      ? `npx vite --host 127.0.0.1 --port ${PORT} --strictPort`
      : `npm run build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    // The production build takes ~10 s on a quiet machine and over two minutes on a loaded one.
    timeout: 300_000,
  },
})
