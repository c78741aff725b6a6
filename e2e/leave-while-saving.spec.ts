import { expect, test } from './test'
import { openForAnnotation } from './pages/annotate-setup'
import { storedRows } from './stored'

/**
 * A label just made is written a moment later (IndexedDB); a reload or close in that moment
 * would abort the write. While a write runs, leaving the page asks first. Here another
 * connection holds the annotations table for three seconds, so the span's write waits: the reload asks, and the
 * span is stored before the page goes.
 */
test('leaving the page while a span is being saved asks first, and the span is kept', async ({
  page,
}) => {
  const reader = await openForAnnotation(page, 'fs-plain')
  await page.evaluate(
    () =>
      new Promise<void>((held) => {
        const open = indexedDB.open('tracemark')
        open.onsuccess = () => {
          const tx = open.result.transaction(['annotations'], 'readwrite')
          const store = tx.objectStore('annotations')
          const until = performance.now() + 3_000
          const spin = () => {
            held()
            if (performance.now() < until) store.count().onsuccess = spin
          }
          store.count().onsuccess = spin
          tx.oncomplete = () => open.result.close()
        }
      }),
  )
  await page.keyboard.press('j')
  await page.keyboard.press('1')
  // Listed at once; its write waits for the held table.
  await expect(reader.spans()).toHaveCount(1)
  const asked: string[] = []
  page.on('dialog', (dialog) => {
    asked.push(dialog.type())
    // Stay: the write ends, then leave.
    void dialog.dismiss()
  })
  await page.reload({ timeout: 5_000 }).catch(() => {})
  expect(asked).toEqual(['beforeunload'])
  await expect.poll(() => storedRows(page, 'annotations')).toHaveLength(1)
  await page.reload()
  await reader.expectOpen('fs-plain')
  await expect(reader.spans()).toHaveCount(1)
})
