import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { countPivots } from './lexicon-count'
import { DatasetsPage } from './pages/datasets-page'
import { ReaderPage } from './pages/reader-page'
import { TracesPage } from './pages/traces-page'

interface Source {
  id: string
  question: string
  reasoning: string
}

const FILES = ['pair-a', 'pair-b', 'flat-small']
const sources = Object.fromEntries(
  FILES.map((f) => [
    f,
    readFileSync(resolve(OWN_FIXTURES, `${f}.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Source),
  ]),
)
const all = Object.values(sources).flat()
const pivotTotal = (r: Source) => Object.values(countPivots(r.reasoning)).reduce((a, b) => a + b, 0)
const sorted = (list: string[]) => [...list].sort()

test.describe('browsing the traces of every dataset', () => {
  test.beforeEach(async ({ page }) => {
    const datasets = new DatasetsPage(page)
    await datasets.goto()
    for (const f of FILES) await datasets.importFile(resolve(OWN_FIXTURES, `${f}.jsonl`))
  })

  test('sort on a metric, filter by dataset and range, search the texts', async ({ page }) => {
    const traces = new TracesPage(page)
    await traces.gotoAll()
    await expect(traces.count()).toHaveText(`${all.length} traces`)
    expect(sorted(await traces.keys())).toEqual(sorted(all.map((r) => r.id)))

    // Sort by a metric: both directions, every trace still there, values monotonic.
    await traces.sortBy('Pivots')
    const header = page.getByRole('columnheader', { name: 'Pivots', exact: true })
    const firstDir = await header.getAttribute('aria-sort')
    const values = (await traces.columnTexts('Pivots')).map(Number)
    const expected = all.map(pivotTotal).sort((a, b) => a - b)
    expect(values).toEqual(firstDir === 'ascending' ? expected : [...expected].reverse())
    await traces.sortBy('Pivots')
    await expect(header).toHaveAttribute(
      'aria-sort',
      firstDir === 'ascending' ? 'descending' : 'ascending',
    )
    expect((await traces.columnTexts('Pivots')).map(Number)).toEqual(
      firstDir === 'ascending' ? [...expected].reverse() : expected,
    )
    // The trace with the most pivots heads the descending order.
    await expect(traces.rows().first()).toHaveAttribute('aria-rowindex', '2')

    // Filter: one dataset, then a metric range on top.
    const filters = await traces.openFilters()
    await filters.getByRole('checkbox', { name: 'pair-a' }).check()
    await expect(traces.count()).toHaveText(`3 of ${all.length} traces`)
    expect(sorted(await traces.keys())).toEqual(sorted(sources['pair-a']!.map((r) => r.id)))
    await filters.getByRole('checkbox', { name: 'pair-a' }).uncheck()
    await filters.getByLabel('Pivots at least').fill('2')
    const rich = all.filter((r) => pivotTotal(r) >= 2).map((r) => r.id)
    expect(rich.length).toBeGreaterThan(0)
    expect(rich.length).toBeLessThan(all.length)
    await expect(traces.count()).toHaveText(`${rich.length} of ${all.length} traces`)
    expect(sorted(await traces.keys())).toEqual(sorted(rich))
    await filters.getByRole('button', { name: 'Clear filters' }).click()
    await expect(traces.count()).toHaveText(`${all.length} traces`)

    // Search runs in a worker over problems and reasonings; the table keeps only the hits.
    const query = 'let me'
    const hits = all
      .filter((r) => `${r.question}\n${r.reasoning}`.toLowerCase().includes(query))
      .map((r) => r.id)
    expect(hits.length).toBeGreaterThan(1)
    await traces.search(query)
    await expect(traces.searchStatus()).toHaveText(`${hits.length} hits`)
    await expect(traces.count()).toHaveText(`${hits.length} of ${all.length} traces`)
    expect(sorted(await traces.keys())).toEqual(sorted(hits))

    // Opening a hit carries the query: its matches are a highlight layer in the reader.
    await traces.table().focus()
    await page.keyboard.press('Home')
    await page.keyboard.press('Enter')
    const reader = new ReaderPage(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Trace /)
    const shown = await page.getByRole('heading', { level: 1 }).textContent()
    const trace = all.find((r) => `Trace ${r.id}` === shown)!
    expect(hits).toContain(trace.id)
    const inReasoning = trace.reasoning.toLowerCase().split(query).length - 1
    expect(await reader.highlightSize('reasoning', 'search')).toBe(inReasoning)
    await page.goBack()
    await traces.search('')
    await expect(traces.count()).toHaveText(`${all.length} traces`)
  })

  test('keyboard: j/k and arrows move, Enter opens, n/p follow the table order', async ({
    page,
  }) => {
    const traces = new TracesPage(page)
    await traces.gotoAll()
    await traces.sortBy('Key')
    const keys = await traces.keys()
    expect(keys).toEqual(sorted(keys))
    await traces.table().focus()
    await page.keyboard.press('j')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('j')
    await page.keyboard.press('k')
    await expect(page.locator('tr.active')).toHaveAttribute('aria-rowindex', '4')
    await page.keyboard.press('Enter')
    const reader = new ReaderPage(page)
    await reader.expectOpen(keys[2]!)
    await expect(page.getByTestId('browse-position')).toHaveText(`3 of ${keys.length} in the table`)
    await page.keyboard.press('n')
    await reader.expectOpen(keys[3]!)
    await page.keyboard.press('p')
    await page.keyboard.press('p')
    await reader.expectOpen(keys[1]!)
  })

  test('column chooser and widths persist across a reload', async ({ page }) => {
    const traces = new TracesPage(page)
    await traces.gotoAll()
    const chooser = await traces.openColumns()
    await chooser.getByRole('checkbox', { name: 'Model' }).uncheck()
    await chooser.getByRole('checkbox', { name: 'Tokens' }).check()
    await chooser.getByRole('checkbox', { name: 'Realization' }).check()
    await expect(page.getByRole('columnheader', { name: 'Model' })).toHaveCount(0)
    await expect(page.getByRole('columnheader', { name: 'Tokens' })).toBeVisible()
    const problem = page.getByRole('columnheader', { name: 'Problem' })
    const before = (await problem.boundingBox())!.width
    const handle = page.getByTestId('resize-problemPreview')
    const box = (await handle.boundingBox())!
    await page.mouse.move(box.x + 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + 122, box.y + box.height / 2, { steps: 4 })
    await page.mouse.up()
    await expect
      .poll(async () => (await problem.boundingBox())!.width)
      .toBeCloseTo(before + 120, -1)
    // Preferences are written shortly after the change settles.
    await page.waitForTimeout(600)
    await page.reload()
    await expect(page.getByRole('heading', { name: 'All traces' })).toBeVisible()
    await expect(page.getByRole('columnheader', { name: 'Tokens' })).toBeVisible()
    await expect(page.getByRole('columnheader', { name: 'Realization' })).toBeVisible()
    await expect(page.getByRole('columnheader', { name: 'Model' })).toHaveCount(0)
    expect((await problem.boundingBox())!.width).toBeCloseTo(before + 120, -1)
  })
})
