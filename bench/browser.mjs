/** Browser set-up shared by the bench suites: Debian's Chromium when present, a fresh profile each time. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost']

/**
 * Runs `body` in a persistent context on a new, empty on-disk profile (IndexedDB on disk, as a
 * user has it; a reused profile slows writes through LevelDB compaction, TOOLCHAIN.md c).
 */
export async function withFreshProfile(body, { viewport = { width: 1400, height: 900 } } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tracemark-bench-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: ARGS,
    viewport,
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    page.on('pageerror', (e) => console.error('  page error:', e.message))
    return await body({ context, page, browser: context.browser() })
  } finally {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * One browser for many short runs, each in a fresh (in-memory) context, as the peer benchmark
 * runs its pages: cheaper than a new profile per run where on-disk storage does not matter.
 */
export async function withBrowser(body, { viewport = { width: 1280, height: 800 } } = {}) {
  const browser = await chromium.launch({
    executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: ARGS,
  })
  const freshContext = async (run) => {
    const context = await browser.newContext({ viewport })
    try {
      const page = await context.newPage()
      page.on('pageerror', (e) => console.error('  page error:', e.message))
      return await run({ context, page })
    } finally {
      await context.close()
    }
  }
  try {
    return await body(freshContext)
  } finally {
    await browser.close()
  }
}
