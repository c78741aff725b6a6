import { test as base, expect } from '@playwright/test'
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

/** The shared real-data fixtures (one rule for every suite); the real-data suite runs whenever they exist. */
export { hasRealFixtures, REAL_FIXTURES, REAL_SKIP_REASON } from '../src/testing/real-fixtures'
