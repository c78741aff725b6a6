/** The bench suites, in the order they run. Each exports { name, run(ctx) -> [{ name, value, unit }] }. */
import importSuite from './import.mjs'

export const suites = [importSuite]
