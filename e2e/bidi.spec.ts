import { expect, test } from './test'
import { DatasetsPage } from './pages/datasets-page'
import { TracesPage } from './pages/traces-page'

/**
 * Issue #12, point 3: a bidirectional override (U+202E) in a dataset name or a trace key must not
 * reorder what is shown ("gnp.exe" shown as "exe.png"): every place that shows one isolates it
 * (`<bdi>`) and shows the control as a visible marker instead of obeying it.
 */
const RLO = '\u202e'
const KEY = `k${RLO}gnp.exe`
const line = (id: string, q: string) =>
  JSON.stringify({ id, question: q, reasoning: `Think about ${q}. Wait, check.`, answer: '1' })

test('names and keys holding U+202E are isolated, with the override shown as a marker', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.fileInput().setInputFiles({
    name: `evil${RLO}lmtH.jsonl`,
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(`${line(KEY, `p${RLO}roblem one`)}\n${line('plain', 'two')}\n`),
  })
  const form = datasets.previewForm()
  await expect(form).toBeVisible({ timeout: 30_000 })

  /** An element shows `text` isolated when it is a <bdi> whose marker names the control. */
  const expectIsolated = async (where: ReturnType<typeof page.locator>, before: string) => {
    const bdi = where.locator('bdi.safe-text', { hasText: before }).first()
    await expect(bdi).toBeVisible()
    await expect(bdi.locator('abbr.bidi-mark')).toHaveText('RLO')
    // The override itself is not in the text the browser lays out.
    expect(await bdi.evaluate((e) => e.textContent?.includes('\u202e'))).toBe(false)
    expect(await bdi.evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate')
  }

  // Import preview: key and problem cells.
  const preview = page.getByRole('table', { name: 'First traces' })
  await expectIsolated(preview, 'gnp.exe')
  await expectIsolated(preview, 'roblem one')
  await form.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByText(/^Imported 2 traces from/)).toBeVisible()
  await page.getByRole('button', { name: 'OK' }).click()

  // Datasets list: the name (and its source file).
  const row = page.getByTestId('dataset-row')
  await expectIsolated(row, 'lmtH')

  // Traces table: key, problem and dataset cells.
  const traces = new TracesPage(page)
  await traces.gotoAll()
  await expect(traces.rows()).toHaveCount(2)
  const evilRow = traces.rows().filter({ hasText: 'gnp.exe' })
  await expectIsolated(evilRow, 'gnp.exe')
  await expectIsolated(evilRow, 'roblem one')
  await expectIsolated(evilRow, 'lmtH')

  // Reader: breadcrumb (dataset) and heading (key).
  await evilRow.getByRole('cell').filter({ hasText: 'gnp.exe' }).click()
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toContainText('Trace', { timeout: 30_000 })
  await expectIsolated(heading, 'gnp.exe')
  await expectIsolated(page.getByRole('navigation', { name: 'Breadcrumb' }), 'lmtH')
})
