import 'fake-indexeddb/auto'
import { TracemarkDB } from '../db/database'
import { newId } from '../lib/traces/ids'

/** A fresh, uniquely named database on fake-indexeddb: tests never share state. */
export function openTestDb(): TracemarkDB {
  return new TracemarkDB(`test-${newId()}`)
}
