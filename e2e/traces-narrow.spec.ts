import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { DatasetsPage } from './pages/datasets-page'
import { TracesPage } from './pages/traces-page'

/** Issue #12: at 1024 px the traces table keeps key, density and correctness in view. */
test.use({ viewport: { width: 1024, height: 768 } })

test('at 1024×768 the key, density and correctness columns are in view without scrolling', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 6)
  const traces = new TracesPage(page)
  await traces.gotoAll()
  await expect(traces.rows()).toHaveCount(6)

  const inView = async (name: string) => {
    const header = page.getByRole('columnheader', { name, exact: true })
    const box = await header.boundingBox()
    expect(box, `${name} header`).not.toBeNull()
    expect.soft(box!.x, `${name} starts in view`).toBeGreaterThanOrEqual(0)
    expect.soft(box!.x + box!.width, `${name} ends in view`).toBeLessThanOrEqual(1024)
    const headers = await page.getByRole('columnheader').allTextContents()
    const index = headers.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === name)
    const cell = traces.rows().first().getByRole('cell').nth(index)
    await expect(cell).not.toBeEmpty()
    const cellBox = await cell.boundingBox()
    expect.soft(cellBox!.x + cellBox!.width, `${name} cell ends in view`).toBeLessThanOrEqual(1024)
  }
  await inView('Key')
  await inView('Pivots/1k')
  await inView('Correct')
  // Nothing was scrolled sideways to get there.
  const scrolled = await page.evaluate(() => {
    const sideways = [document.scrollingElement!, ...document.querySelectorAll('*')].filter(
      (el) => el.scrollLeft > 0,
    )
    return sideways.length + window.scrollX
  })
  expect(scrolled).toBe(0)
})
