/**
 * The bench suites, in the order they run. Each exports { name, run(ctx) -> [{ name, value, unit }] }
 * with ctx = { baseURL, traces, chars, pairs }; a new suite is a module here plus its targets in
 * ../targets.mjs.
 */
import importSuite from './import.mjs'
import analysisSuite from './analysis.mjs'
import browseSuite from './browse.mjs'
import readerSuite from './reader.mjs'
import bundleSuite from './bundle.mjs'
import compareSuite from './compare.mjs'
import roundtripSuite from './roundtrip.mjs'

export const suites = [
  bundleSuite,
  analysisSuite,
  readerSuite,
  importSuite,
  browseSuite,
  compareSuite,
  roundtripSuite,
]
