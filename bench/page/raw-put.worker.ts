/// <reference lib="webworker" />
/**
 * The import baseline: stream the same JSONL file, JSON.parse each line and Dexie-bulkPut the
 * records, 1,000 per batch, into a database of its own. No normalisation, no metrics, one table.
 */
import { expose } from 'comlink'
import { Dexie, type EntityTable } from 'dexie'

export interface RawPutResult {
  records: number
  bytes: number
  totalMs: number
  putMs: number
}

interface RawRecord {
  id: number
  [field: string]: unknown
}

class RawDb extends Dexie {
  records!: EntityTable<RawRecord, 'id'>
  constructor() {
    super('bench-raw')
    this.version(1).stores({ records: 'id' })
  }
}

export interface RawPutApi {
  rawPut(file: File): Promise<RawPutResult>
}

expose({ rawPut } satisfies RawPutApi)

async function rawPut(file: File): Promise<RawPutResult> {
  const db = new RawDb()
  const started = performance.now()
  let putMs = 0
  let batch: RawRecord[] = []
  let records = 0
  const flush = async () => {
    const t = performance.now()
    await db.records.bulkPut(batch)
    putMs += performance.now() - t
    batch = []
  }
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader()
  let carry = ''
  for (;;) {
    const { done, value } = await reader.read()
    const lines = (carry + (value ?? '')).split('\n')
    carry = done ? '' : (lines.pop() ?? '')
    for (const line of lines) {
      if (!line) continue
      batch.push({ ...(JSON.parse(line) as object), id: records++ })
      if (batch.length >= 1000) await flush()
    }
    if (done) break
  }
  if (batch.length) await flush()
  db.close()
  return { records, bytes: file.size, totalMs: performance.now() - started, putMs }
}
