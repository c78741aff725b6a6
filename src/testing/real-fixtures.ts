/**
 * Where the real-data fixtures are, for every suite that reads them (unit tests, the e2e suite
 * and its config): `TRACEMARK_REAL_FIXTURES`, or ../shared/fixtures/real beside the repository.
 * They are never copied into the repository; where the folder is missing, those suites are
 * skipped (said once per run by `real-fixtures-setup.ts` and in each suite's title), not failed.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REAL_FIXTURES = resolve(
  process.env.TRACEMARK_REAL_FIXTURES ??
    fileURLToPath(new URL('../../../shared/fixtures/real', import.meta.url)),
)

export const hasRealFixtures = existsSync(REAL_FIXTURES)

/** A file of the real fixtures, by name. */
export const realFixture = (name: string): string => join(REAL_FIXTURES, name)

export const REAL_SKIP_REASON = `real-data fixtures not found at ${REAL_FIXTURES} (set TRACEMARK_REAL_FIXTURES): the real-data suites are skipped`
