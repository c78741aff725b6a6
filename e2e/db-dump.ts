import type { Page } from '@playwright/test'

/**
 * A raw dump of every table of the app's IndexedDB, read in the page with the plain IndexedDB
 * API (no app code): each store's name, key path, indexes, keys and values, serialised in key
 * order. Two dumps are equal as strings exactly when the stored data is the same, so a failed or
 * aborted import can be shown to have changed nothing at all (issue #12).
 */
export async function dumpDatabase(page: Page, name = 'tracemark'): Promise<string> {
  return page.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open(dbName)
      req.onsuccess = () => ok(req.result)
      req.onerror = () => fail(req.error)
    })
    const plain = (value: unknown): unknown => {
      if (value instanceof Blob) return { blob: value.type, size: value.size }
      if (value instanceof ArrayBuffer) return { bytes: [...new Uint8Array(value)] }
      if (ArrayBuffer.isView(value))
        return { bytes: [...new Uint8Array(value.buffer, value.byteOffset, value.byteLength)] }
      if (value instanceof Date) return { date: value.toISOString() }
      if (Array.isArray(value)) return value.map(plain)
      if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
      return value
    }
    const stores = [...db.objectStoreNames].sort()
    const tx = db.transaction(stores, 'readonly')
    const dump: Record<string, unknown> = { version: db.version }
    for (const name of stores) {
      const store = tx.objectStore(name)
      const [keys, values] = await Promise.all(
        [store.getAllKeys(), store.getAll()].map(
          (req) =>
            new Promise<unknown[]>((ok, fail) => {
              req.onsuccess = () => ok(req.result as unknown[])
              req.onerror = () => fail(req.error)
            }),
        ),
      )
      dump[name] = {
        keyPath: store.keyPath,
        indexes: [...store.indexNames].sort(),
        rows: keys!.map((k, i) => [k, plain(values![i])]),
      }
    }
    db.close()
    return JSON.stringify(dump)
  }, name)
}
