/** Vitest global set-up: says once per run when the real-data suites are skipped. */
import { hasRealFixtures, REAL_SKIP_REASON } from './real-fixtures'

export default function setup() {
  if (!hasRealFixtures) console.warn(REAL_SKIP_REASON)
}
