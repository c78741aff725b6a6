import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, hasRealFixtures, REAL_FIXTURES, REAL_SKIP_REASON, test } from './test'
import { setAnnotator } from './pages/annotator'
import { countPivots, DESIGN_PIVOTS } from './lexicon-count'
import { DatasetsPage } from './pages/datasets-page'
import { dragSelect, ReaderPage } from './pages/reader-page'
import { TracesPage } from './pages/traces-page'

const FILE = 'thinktraces_qwen3-8b_think-on.jsonl'

test.describe('the first loop on real traces', () => {
  test.skip(!hasRealFixtures, REAL_SKIP_REASON)

  test('import, read with pivots, annotate by keyboard, reload, export', async ({ page }) => {
    const path = resolve(REAL_FIXTURES, FILE)
    const source = readFileSync(path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { item_id: string; thinking: string })
    const datasets = new DatasetsPage(page)
    await datasets.goto()
    await setAnnotator(page)
    await datasets.importFile(path, 200)

    await datasets.open('thinktraces_qwen3-8b_think-on')
    const traces = new TracesPage(page)
    await expect(page.getByText('200 traces')).toBeVisible()
    await expect(traces.table().getByRole('table')).toHaveAttribute('aria-rowcount', '201')
    await expect(traces.row(source[0]!.item_id)).toBeVisible()
    // The table is virtualised: the last trace appears once scrolled to.
    await traces.table().focus()
    await page.keyboard.press('End')
    await expect(traces.row(source[199]!.item_id)).toBeVisible()
    await page.keyboard.press('Home')

    // A trace rich in pivots of several kinds.
    const pick = source.find(
      (r) => Object.values(countPivots(r.thinking)).filter(Boolean).length >= 3,
    )!
    await traces.open(pick.item_id)
    const reader = new ReaderPage(page)
    await reader.expectOpen(pick.item_id)

    const expected = countPivots(pick.thinking)
    for (const category of Object.keys(DESIGN_PIVOTS)) {
      expect(await reader.legendCount(category), category).toBe(expected[category])
      expect(await reader.highlightSize('reasoning', `pivot-${category}`), category).toBe(
        expected[category],
      )
    }
    const realizations = await reader.highlightTexts('reasoning', 'pivot-realization')
    for (const t of realizations) expect(DESIGN_PIVOTS.realization).toContain(t.toLowerCase())

    // Select the first "Wait" with the mouse and label it with key 1 (realization).
    const start = pick.thinking.search(/\bWait\b/)
    expect(start).toBeGreaterThan(-1)
    await dragSelect(reader, 'reasoning', start, start + 4)
    await page.keyboard.press('1')
    await expect(reader.spans()).toHaveCount(1)
    await expect(reader.spans().first()).toContainText('Realization')
    await expect(reader.spans().first()).toContainText(`reasoning ${start}–${start + 4}`)
    expect(await reader.highlightTexts('reasoning', 'span-realization')).toEqual([])
    expect(await reader.highlightTexts('reasoning', 'span-selected')).toEqual(['Wait'])

    await page.reload()
    await reader.expectOpen(pick.item_id)
    await expect(reader.spans()).toHaveCount(1)
    expect(await reader.highlightTexts('reasoning', 'span-realization')).toEqual(['Wait'])

    await page.getByRole('link', { name: 'Datasets' }).click()
    const download = await datasets.exportJsonl('thinktraces_qwen3-8b_think-on')
    expect(download.suggestedFilename()).toMatch(/^tracemark-.*\.jsonl$/)
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(200)
    const line = lines.find((l) => l.trace.key === pick.item_id)
    expect(line.reasoning).toBe(pick.thinking.replace(/\r\n?/g, '\n'))
    expect(line.offset_unit).toBe('utf16')
    expect(line.spans).toHaveLength(1)
    const span = line.spans[0]
    expect(span).toMatchObject({
      field: 'reasoning',
      start,
      end: start + 4,
      text: 'Wait',
      label: 'realization',
    })
    expect([...line.reasoning].slice(span.start_cp, span.end_cp).join('')).toBe('Wait')
    expect(lines.filter((l) => l.spans.length > 0)).toHaveLength(1)
  })
})
