import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    // Says once when the real-data suites are skipped (TRACEMARK_REAL_FIXTURES, as for e2e).
    globalSetup: ['src/testing/real-fixtures-setup.ts'],
  },
})
