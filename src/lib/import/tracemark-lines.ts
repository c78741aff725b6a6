/**
 * Reading a Tracemark export back, line by line (DESIGN section 6): each line is checked on its
 * own by the Tracemark reader (spans against their texts in both units, known labels, relations
 * to spans of the line), and against the lines before it (a trace twice is refused, as it would
 * overwrite the first). The import's preview and its run read a file with the same checker, so
 * the preview lists exactly the lines the run skips.
 */
import {
  isTracemarkValue,
  parseTracemarkValue,
  TracemarkParseError,
} from '../export/tracemark-parse'
import type { TracemarkRecord } from '../export/tracemark-schema'
import { detectForeign, ForeignConverter } from './foreign-annotations'

export { isTracemarkValue, TracemarkParseError } from '../export/tracemark-parse'

export class TracemarkLineChecker {
  private readonly knownLabels: ReadonlySet<string>
  private readonly seenIds = new Set<string>()
  private readonly seenOrdinals = new Set<string>()
  private readonly foreign: ForeignConverter

  /** `fileName` names the annotator of a doccano or Label Studio file that names none. */
  constructor(knownLabels: ReadonlySet<string>, fileName = '') {
    this.knownLabels = knownLabels
    this.foreign = new ForeignConverter(fileName, knownLabels)
  }

  /**
   * The line's rows; throws TracemarkParseError naming the line and field. A doccano line or a
   * Label Studio task is read as the Tracemark record of its trace (foreign-annotations.ts).
   */
  check(value: unknown, lineNumber: number): TracemarkRecord {
    const record =
      !isTracemarkValue(value) && detectForeign(value)
        ? this.foreign.convert(value, lineNumber)
        : parseTracemarkValue(value, lineNumber, { knownLabels: this.knownLabels })
    const dataset = record.dataset.id
    const idKey = `${dataset}\u0000${record.trace.id}`
    const ordinalKey = `${dataset}\u0000${record.trace.ordinal}`
    if (this.seenIds.has(idKey)) {
      throw new TracemarkParseError(
        lineNumber,
        'trace.id',
        `trace ${JSON.stringify(record.trace.id)} of dataset ${JSON.stringify(record.dataset.name)} is in the file twice`,
      )
    }
    if (this.seenOrdinals.has(ordinalKey)) {
      throw new TracemarkParseError(
        lineNumber,
        'trace.ordinal',
        `row ${record.trace.ordinal} of dataset ${JSON.stringify(record.dataset.name)} is in the file twice`,
      )
    }
    this.seenIds.add(idKey)
    this.seenOrdinals.add(ordinalKey)
    return record
  }
}

/** A bad line as the import lists it: where, and what is wrong with which field. */
export function badLineOf(error: TracemarkParseError): { at: string; reason: string } {
  return {
    at: `line ${error.lineNumber}`,
    reason: error.field === '' ? error.problem : `${error.field}: ${error.problem}`,
  }
}

/** Matches a file's trace to a stored one: same source key and same problem. */
export function matchKey(key: string, problemHash: string): string {
  return `${key}\u0000${problemHash}`
}
