/** The bench suites, in the order they run. Each exports { name, run(ctx) -> [{ name, value, unit }] }. */
import importSuite from './import.mjs'
import analysisSuite from './analysis.mjs'
import browseSuite from './browse.mjs'

export const suites = [importSuite, browseSuite, analysisSuite]
