import { TracemarkDB } from './database'

/** The page's connection. Workers open their own (see src/workers). */
export const db = new TracemarkDB()
