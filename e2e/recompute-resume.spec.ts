import { makeDataset, makeTexts, makeTrace } from '../src/testing/make-rows'
import { expect, test } from './test'
import { DatasetsPage } from './pages/datasets-page'
import { LexiconsPage } from './pages/lexicons-page'
import { putRows, storedRows } from './stored'

/**
 * Issue #12, point 5: a recompute of the metrics cut off by a reload resumes by itself at the
 * next start, skips what it did before, and ends with every trace's metrics those of the active
 * lexicon, counted right.
 */
const TRACES = 3000
/** "wait", "check" and "again" are reflection tokens; the filler holds none. */
const reflections = (ordinal: number) => (ordinal % 5) + 1
const FILLER = 'The sum of the squares is seven, as the table shows. '.repeat(20)

test.setTimeout(180_000)

test('a recompute cut off by a reload resumes at the next start and finishes right', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  const dataset = makeDataset({ name: 'many', traceCount: TRACES })
  const traces = Array.from({ length: TRACES }, (_, i) => makeTrace(dataset.id, i + 1))
  const texts = traces.map((t) =>
    makeTexts(t, {
      reasoning: `${'Wait, let me check again. '.repeat(reflections(t.ordinal))}${FILLER}`,
    }),
  )
  await putRows(page, { datasets: [dataset], traces, texts })

  const lexicons = new LexiconsPage(page)
  await lexicons.goto()
  await lexicons
    .row('Reflection tokens')
    .getByRole('button', { name: 'Use Reflection tokens' })
    .click()
  const status = page.locator('.recompute-status')
  // Cut it off half-way: some traces updated, most not.
  await expect(status).toContainText(
    new RegExp(`of ${TRACES.toLocaleString('en')} traces checked, [1-9][\\d,]* updated`),
  )
  await page.reload()

  // It resumes by itself (saying so), and finishes.
  await expect(status).toContainText('Reflection tokens (resumed after a reload)')
  await lexicons.expectMetricsCurrent()
  await expect(status).toContainText(`All ${TRACES.toLocaleString('en')} traces have metrics`)

  // Read in the page and sent back as one string (3,000 rows as objects take seconds).
  const stored = JSON.parse(
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('tracemark')
        req.onsuccess = () => ok(req.result)
        req.onerror = () => fail(req.error)
      })
      const rows = await new Promise<unknown[]>((ok) => {
        const req = db.transaction('traces').objectStore('traces').getAll()
        req.onsuccess = () => ok(req.result as unknown[])
      })
      db.close()
      return JSON.stringify(rows)
    }),
  ) as {
    ordinal: number
    metrics: { lexiconId: string; pivotTotal: number; pivots: Record<string, number> }
  }[]
  expect(stored).toHaveLength(TRACES)
  const wrong = stored.filter(
    (t) =>
      t.metrics.lexiconId !== 'reflection-tokens' ||
      t.metrics.pivotTotal !== 3 * reflections(t.ordinal) ||
      t.metrics.pivots.reflection !== 3 * reflections(t.ordinal),
  )
  expect(wrong.map((t) => t.ordinal).slice(0, 10)).toEqual([])
  // The run's mark is gone: the next start resumes nothing.
  const prefs = await storedRows<{ key: string }>(page, 'prefs')
  expect(prefs.map((p) => p.key)).not.toContain('recomputeRun')

  // A cancelled run is not resumed: the page counts the stale traces and offers to go on.
  const sos = 'Style over Substance pivots'
  await lexicons
    .row(sos)
    .getByRole('button', { name: `Use ${sos}` })
    .click()
  await status.getByRole('button', { name: 'Cancel recompute' }).click()
  await expect(status).toContainText('Recompute cancelled')
  await expect
    .poll(async () => (await storedRows<{ key: string }>(page, 'prefs')).map((p) => p.key))
    .not.toContain('recomputeRun')
  await page.reload()
  await expect(status.getByRole('button', { name: /^Recompute [\d,]+ traces$/ })).toBeVisible()
  await expect(status).not.toContainText('resumed')
})
