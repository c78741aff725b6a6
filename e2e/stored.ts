import type { Page } from '@playwright/test'

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
