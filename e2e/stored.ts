import type { Page } from '@playwright/test'
import type { Annotation } from '../src/lib/traces/trace-model'
import { makeAnnotation } from '../src/testing/make-rows'

/** Reads the app's IndexedDB directly (raw IndexedDB, no app code): what really is stored. */
export async function storedRows<T = Record<string, unknown>>(
  page: Page,
  store: string,
): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('tracemark')
      req.onsuccess = () => ok(req.result)
      req.onerror = () => fail(req.error)
    })
    const rows = await new Promise<unknown[]>((ok) => {
      const req = db.transaction(name).objectStore(name).getAll()
      req.onsuccess = () => ok(req.result)
    })
    db.close()
    return rows
  }, store) as Promise<T[]>
}

/** Row counts of the main tables, to prove that nothing was left behind. */
export async function storedCounts(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('tracemark')
      req.onsuccess = () => ok(req.result)
      req.onerror = () => fail(req.error)
    })
    const count = (store: string) =>
      new Promise<number>((ok) => {
        const req = db.transaction(store).objectStore(store).count()
        req.onsuccess = () => ok(req.result)
      })
    const result = {
      datasets: await count('datasets'),
      traces: await count('traces'),
      texts: await count('texts'),
    }
    db.close()
    return result
  })
}

/**
 * Writes rows into the app's IndexedDB with the raw API (as the app would have stored them),
 * every store in one transaction. The rows are built in node with src/testing/make-rows.ts.
 */
export async function putRows(page: Page, rows: Record<string, unknown[]>): Promise<void> {
  // One JSON string: Playwright's own serialisation of thousands of objects takes seconds.
  await page.evaluate(async (json) => {
    const byStore = JSON.parse(json) as Record<string, unknown[]>
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('tracemark')
      req.onsuccess = () => ok(req.result)
      req.onerror = () => fail(req.error)
    })
    const tx = db.transaction(Object.keys(byStore), 'readwrite')
    for (const [store, list] of Object.entries(byStore))
      for (const row of list) tx.objectStore(store).put(row)
    await new Promise((ok, fail) => {
      tx.oncomplete = ok
      tx.onerror = () => fail(tx.error)
    })
    db.close()
  }, JSON.stringify(rows))
}

/** The id of the first trace (in key order) of a dataset, or of any dataset. */
export async function firstTraceId(page: Page, datasetId?: string): Promise<string> {
  return page.evaluate(async (dataset) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('tracemark')
      req.onsuccess = () => ok(req.result)
      req.onerror = () => fail(req.error)
    })
    const traces = db.transaction('traces').objectStore('traces')
    const req = dataset === undefined ? traces.openCursor() : traces.index('datasetId').get(dataset)
    const id = await new Promise<string>((ok, fail) => {
      req.onsuccess = () => {
        const value = (req.result instanceof IDBCursorWithValue ? req.result.value : req.result) as
          { id: string } | undefined
        if (value) ok(value.id)
        else fail(new Error('no trace stored'))
      }
    })
    db.close()
    return id
  }, datasetId)
}

/**
 * One span (`span-1`, "realization" on the reasoning's first 4 characters) on the first trace
 * of a dataset (or of the database), stored as a label key would store it. Resolves with it.
 */
export async function seedSpan(
  page: Page,
  { datasetId, quote = 'ABCD' }: { datasetId?: string; quote?: string } = {},
): Promise<Annotation> {
  const span = makeAnnotation(await firstTraceId(page, datasetId), {
    id: 'span-1',
    end: quote.length,
    quote,
  })
  await putRows(page, { annotations: [span] })
  return span
}
