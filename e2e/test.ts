import { test as base, expect } from '@playwright/test'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * The project's test: every page fails its test if it logged an error or threw, so a broken
 * worker, a CSP violation or a React warning raised as an error cannot pass unnoticed.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`)
      })
      page.on('pageerror', (e) => errors.push(`page: ${e.message}`))
      await use(errors)
      expect(errors, 'the page logged errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

export const OWN_FIXTURES = resolve(import.meta.dirname, 'fixtures')

/** The shared real-data fixtures; the real-data suite runs whenever this folder exists. */
export const REAL_FIXTURES = resolve(
  process.env.TRACEMARK_REAL_FIXTURES ?? resolve(import.meta.dirname, '../../shared/fixtures/real'),
)
export const hasRealFixtures = existsSync(REAL_FIXTURES)
export const REAL_SKIP_REASON = `real-data fixtures not found at ${REAL_FIXTURES}: real-data suite skipped`
