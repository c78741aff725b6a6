import { resolve } from 'node:path'
import { expect, hasRealFixtures, REAL_FIXTURES, REAL_SKIP_REASON, test } from './test'
import { countPivots, DESIGN_PIVOTS } from './lexicon-count'
import { DatasetsPage } from './pages/datasets-page'
import { ReaderPage } from './pages/reader-page'
import { TracesPage } from './pages/traces-page'
import { storedRows } from './stored'

/** The SkyThought file with the longest traces (about 167,000 characters). */
const NAME = 'skythought_sky-t1-math-reflection-1.0-32b_aime24'

test.describe('browsing the longest real traces', () => {
  test.skip(!hasRealFixtures, REAL_SKIP_REASON)

  test.beforeEach(async ({ page }) => {
    const datasets = new DatasetsPage(page)
    await datasets.goto()
    await datasets.importFile(resolve(REAL_FIXTURES, `${NAME}.jsonl`), 30)
    await datasets.open(NAME)
  })

  test('search the texts, sort by length, read the longest trace with its layers and minimap', async ({
    page,
  }) => {
    test.setTimeout(120_000)
    const traces = new TracesPage(page)
    const texts = await storedRows<{ traceId: string; problem: string; reasoning: string }>(
      page,
      'texts',
    )

    // Search streams from the worker; the table keeps exactly the traces whose texts match.
    const query = 'i made a mistake'
    const expected = texts.filter((t) =>
      `${t.problem}\n${t.reasoning}`.toLowerCase().includes(query),
    )
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(texts.length)
    await traces.search(query)
    await expect(traces.searchStatus()).toHaveText(`${expected.length} hits`)
    await expect(traces.count()).toHaveText(`${expected.length} of 30 traces`)
    await expect(traces.rows()).toHaveCount(expected.length)
    const shownIds = await traces.rows().evaluateAll((rows) => rows.map((r) => r.dataset.traceId))
    expect(shownIds.sort()).toEqual(expected.map((t) => t.traceId).sort())
    await traces.search('')
    await expect(traces.count()).toHaveText('30 traces')

    // Sort by length, longest first, and open the top row with the keyboard.
    await traces.sortBy('Chars')
    const chars = page.getByRole('columnheader', { name: 'Chars', exact: true })
    if ((await chars.getAttribute('aria-sort')) !== 'descending') await traces.sortBy('Chars')
    await expect(chars).toHaveAttribute('aria-sort', 'descending')
    const longest = [...texts].sort((a, b) => b.reasoning.length - a.reasoning.length)[0]!
    expect(longest.reasoning.length).toBeGreaterThan(150_000)
    await expect(traces.rows().first()).toHaveAttribute('data-trace-id', longest.traceId)
    await traces.table().focus()
    await page.keyboard.press('Home')
    await page.keyboard.press('Enter')

    const reader = new ReaderPage(page)
    await expect(reader.field('reasoning')).toBeVisible()
    const shown = await reader
      .field('reasoning')
      .evaluate((root) =>
        [...root.querySelectorAll('[data-start]')].map((c) => c.textContent).join(''),
      )
    expect(shown).toBe(longest.reasoning)

    // Pivots: the legend, the highlights and the minimap agree with an independent count.
    const counts = countPivots(longest.reasoning)
    const categories = Object.keys(DESIGN_PIVOTS)
    const pivotLayers = categories.map((category) => `pivot-${category}`)
    const drawn = await reader.highlightSizes('reasoning', pivotLayers)
    for (const category of categories) {
      expect(await reader.legendCount(category), category).toBe(counts[category])
      expect(drawn[`pivot-${category}`], category).toBe(counts[category])
    }
    const pivotLanes = async () =>
      (await reader.minimapKinds()).filter((k) => k.startsWith('pivot-')).length
    await expect.poll(pivotLanes).toBeGreaterThan(0)

    // Layer toggles remove and restore a layer's highlights and its minimap marks.
    await reader.layerToggle(/^Pivots/).uncheck()
    expect(Object.values(await reader.highlightSizes('reasoning', pivotLayers))).toEqual(
      categories.map(() => 0),
    )
    await expect.poll(pivotLanes).toBe(0)
    await reader.layerToggle(/^Pivots/).check()
    await expect
      .poll(() => reader.highlightSize('reasoning', 'pivot-realization'))
      .toBe(counts.realization)
    const backtracks = await reader.highlightSize('reasoning', 'backtrack')
    expect(backtracks).toBeGreaterThan(0)
    await reader.layerToggle(/^Backtracking spans/).uncheck()
    expect(await reader.highlightSize('reasoning', 'backtrack')).toBe(0)
    await expect.poll(() => reader.minimapKinds()).not.toContain('backtrack')
    await reader.layerToggle(/^Backtracking spans/).check()
    await reader.layerToggle(/^Step numbers/).uncheck()
    await expect(reader.field('reasoning')).not.toHaveClass(/numbered/)
    await reader.layerToggle(/^Step numbers/).check()
    await expect(reader.field('reasoning')).toHaveClass(/numbered/)

    // The minimap jumps: a click at 90% of the strip scrolls that part of the trace, far down,
    // into view and marks the mark there (or the word at that point).
    const box = (await reader.minimap().boundingBox())!
    await reader.minimap().click({ position: { x: box.width / 2, y: box.height * 0.9 } })
    await expect.poll(() => reader.highlightTexts('reasoning', 'target')).toHaveLength(1)
    const marked = await reader.highlightOffsets('reasoning', 'target')
    expect(marked[0]!.start).toBeGreaterThan(longest.reasoning.length * 0.8)
    await expect.poll(() => reader.offsetInView('reasoning', marked[0]!.start)).toBe(true)

    // A deep link to an offset opens the trace scrolled there, the offset marked.
    const at = Math.floor(longest.reasoning.length * 0.45)
    const start = longest.reasoning.indexOf(' ', at) + 1
    await page.goto(`./#/traces/${longest.traceId}?at=${start}&to=${start + 12}`)
    await page.reload()
    await expect(reader.field('reasoning')).toBeVisible()
    // The mark lasts a moment: check it first, then that the place is in view.
    await expect
      .poll(() => reader.highlightTexts('reasoning', 'target'))
      .toEqual([longest.reasoning.slice(start, start + 12)])
    await expect.poll(() => reader.offsetInView('reasoning', start)).toBe(true)
  })
})
