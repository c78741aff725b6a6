import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, hasRealFixtures, REAL_FIXTURES, REAL_SKIP_REASON, test } from './test'
import { setAnnotator } from './pages/annotator'
import { ComparePage } from './pages/compare-page'
import { DatasetsPage } from './pages/datasets-page'
import { TracesPage } from './pages/traces-page'
import { storedRows } from './stored'

const PLAIN = 'skythought_qwen2.5-14b-instruct_aime24'
const SKY_T1 = 'skythought_sky-t1-math-correct-5k-14b_aime24'
const ALL = [
  PLAIN,
  SKY_T1,
  'skythought_sky-t1-math-wrong-5k-14b_aime24',
  'skythought_sky-t1-math-reflection-1.0-32b_aime24',
]
/** The AIME 2024 problem the test compares (its `idx` in every file). */
const IDX = 3

interface SourceRow {
  idx: number
  question: string
  score: boolean[]
}
interface StoredTrace {
  id: string
  datasetId: string
  key: string
  problemHash: string
  correct: boolean | null
  truncated?: boolean
  metrics: {
    words: number
    chars: number
    pivotsPer1k: number
    pivots: Record<string, number>
  } & Record<string, number>
}
interface StoredDataset {
  id: string
  name: string
}

const source = (name: string) =>
  readFileSync(resolve(REAL_FIXTURES, `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as SourceRow)

test.describe('compare on the SkyThought AIME24 outputs', () => {
  test.skip(!hasRealFixtures, REAL_SKIP_REASON)
  // Four imports, the comparison, the stats and the dataset comparison: on a loaded machine
  // (load 15, a 40 s stall seen) this takes over three minutes.
  test.setTimeout(300_000)

  test('same problem, headers, scrolling together, strip, labelling, dataset comparison', async ({
    page,
  }) => {
    const datasets = new DatasetsPage(page)
    await datasets.goto()
    await setAnnotator(page)
    for (const name of ALL) await datasets.importFile(resolve(REAL_FIXTURES, `${name}.jsonl`), 30)
    const storedDatasets = await storedRows<StoredDataset>(page, 'datasets')
    const nameOf = new Map(storedDatasets.map((d) => [d.id, d.name]))
    const stored = await storedRows<StoredTrace>(page, 'traces')

    // "Same problem" from the table: one trace of Sky-T1 picked, all four of its problem open.
    await datasets.open(SKY_T1)
    const traces = new TracesPage(page)
    await traces.select(String(IDX))
    await page.getByRole('button', { name: 'Same problem' }).click()
    const compare = new ComparePage(page)
    await expect(compare.panes()).toHaveCount(4)
    await expect(page).toHaveURL(/#\/compare\?problem=/)
    const question = source(SKY_T1)[IDX]!.question
    await expect(page.getByTestId('compare-problem')).toHaveText(question.trim())

    // Headers: the four datasets, each with its correctness as the source scored it.
    const paneNames = await compare.datasetNames()
    expect([...paneNames].sort()).toEqual([...ALL].sort())
    const paneTraces: StoredTrace[] = []
    for (const [i, name] of paneNames.entries()) {
      const expected = source(name)[IDX]!.score[0] ? 'correct' : 'incorrect'
      await expect(compare.pane(i).getByTestId('pane-correctness')).toContainText(expected)
      const trace = stored.find((t) => nameOf.get(t.datasetId) === name && t.key === String(IDX))!
      paneTraces.push(trace)
      await expect(compare.pane(i).getByTestId('pane-words')).toHaveText(
        `${trace.metrics.words.toLocaleString('en-US')} words`,
      )
      await expect(compare.pane(i).getByTestId('pane-density')).toHaveText(
        `${trace.metrics.pivotsPer1k.toFixed(1)} pivots/1k`,
      )
      // The truncated mark exactly where the import flagged the trace as cut off.
      await expect(compare.pane(i).getByTestId('pane-truncated')).toHaveCount(
        trace.truncated ? 1 : 0,
      )
    }
    expect(new Set(paneTraces.map((t) => t.problemHash)).size).toBe(1)

    // The metrics strip shows the stored metrics.
    for (const [i, t] of paneTraces.entries()) {
      for (const key of ['chars', 'words', 'steps', 'pivotTotal', 'backtracks', 'verifications']) {
        await expect(compare.stripCell(key, i), `${key} of pane ${i + 1}`).toHaveText(
          t.metrics[key]!.toLocaleString('en-US'),
        )
      }
      await expect(compare.stripCell('pivotsPer1k', i)).toHaveText(
        t.metrics.pivotsPer1k!.toFixed(1),
      )
      await expect(compare.stripCell('pivots.realization', i)).toHaveText(
        (t.metrics.pivots.realization ?? 0).toLocaleString('en-US'),
      )
    }
    // The pivot timelines: one per pane, with ticks where there are pivots.
    await expect(page.getByTestId('pivot-timeline')).toHaveCount(4)
    const longest = paneTraces.reduce(
      (a, t, i) => (t.metrics.chars > paneTraces[a]!.metrics.chars ? i : a),
      0,
    )
    await expect(
      page.getByTestId('pivot-timeline').nth(longest).getByTestId('timeline-tick').first(),
    ).toBeVisible()

    // The panes scroll together, by relative position.
    const scroller = compare.pane(0).getByTestId('compare-scroll')
    await scroller.scrollIntoViewIfNeeded()
    const box = (await scroller.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.wheel(0, 1500)
    await expect
      .poll(async () => (await compare.scrollFractions())[0], { timeout: 10_000 })
      .toBeGreaterThan(0)
    await expect
      .poll(async () => {
        const [first, ...rest] = await compare.scrollFractions()
        // the fractions themselves where they differ, so a failure shows them
        return rest.map((f) => (Math.abs(f - first!) < 0.02 ? 'same' : `${f} vs ${first}`))
      })
      .toEqual(['same', 'same', 'same'])

    // A span labelled in the second pane belongs to the second pane's trace.
    await compare.dragSelect(1, 0, 12)
    await expect(compare.pane(1)).toHaveAttribute('aria-current', 'true')
    await page.keyboard.press('1')
    await expect(page.getByRole('status').filter({ hasText: 'Added' })).toBeVisible()
    await expect
      .poll(
        async () =>
          (await storedRows<{ traceId: string; label: string }>(page, 'annotations')).length,
      )
      .toBe(1)
    const [span] = await storedRows<{ traceId: string; label: string; start: number }>(
      page,
      'annotations',
    )
    expect(span).toMatchObject({ traceId: paneTraces[1]!.id, label: 'realization', start: 0 })
    await page.keyboard.press('Escape')
    await expect.poll(() => compare.highlightSize(1, 'span-realization')).toBe(1)
    expect(await compare.highlightSize(0, 'span-realization')).toBe(0)

    // A diff by step of panes 1 and 2, in the worker.
    await page.getByLabel('Diff by').selectOption('step')
    await expect(page.getByTestId('diff-summary')).toContainText('steps shared')

    // The dataset comparison: Sky-T1 against plain Qwen2.5-14B-Instruct, per problem.
    const plainId = storedDatasets.find((d) => d.name === PLAIN)!.id
    const skyId = storedDatasets.find((d) => d.name === SKY_T1)!.id
    await page.goto(`./#/stats`)
    // The statistics page holds the same pair-by-problem panel: each dataset against the first.
    await expect(page.getByTestId('pair-panel').getByTestId('pair-result')).toHaveCount(3)
    await page.getByRole('link', { name: /^Compare datasets/ }).click()
    await expect(page.getByRole('heading', { name: 'Compare datasets', level: 1 })).toBeVisible()
    await page.goto(`./#/compare/datasets?ids=${plainId},${skyId}&metric=words`)
    const rows = page.getByTestId('paired-row')
    await expect(rows).toHaveCount(30)
    const words = (datasetId: string, key: string) =>
      stored.find((t) => t.datasetId === datasetId && t.key === key)!.metrics.words
    const differences = stored
      .filter((t) => t.datasetId === skyId)
      .map((t) => words(skyId, t.key) - words(plainId, t.key))
      .sort((a, b) => Math.abs(b) - Math.abs(a))
    await expect(rows.first().getByTestId('paired-difference')).toHaveText(
      `${differences[0]! > 0 ? '+' : ''}${differences[0]!.toLocaleString('en-US')}`,
    )
    // the mean per-problem difference, with its paired interval
    const meanDifference = differences.reduce((a, b) => a + b, 0) / differences.length
    await expect(page.getByTestId('pair-result')).toContainText('30 problems in both')
    await expect(page.getByTestId('pair-difference')).toHaveText(
      new RegExp(`^${meanDifference.toFixed(1).replace('-', '\\-')} \\[-?[\\d.]+, -?[\\d.]+\\]$`),
    )
    for (const id of ['compare-distribution', 'compare-slope', 'compare-differences']) {
      await expect(page.getByTestId(`chart-${id}`).locator('svg.tm-plot')).toBeVisible()
    }
    // each problem opens the compare view of its two traces
    await rows.first().getByRole('link', { name: 'Compare' }).click()
    await expect(compare.panes()).toHaveCount(2)

    // The LLM Comparator export of the two datasets.
    await page.goBack()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: /for LLM Comparator$/ }).click()
    const file = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
      models: { name: string }[]
      examples: { input_text: string; output_text_a: string }[]
    }
    expect(file.models).toHaveLength(2)
    expect(file.examples).toHaveLength(30)
    expect(file.examples[0]!.output_text_a.startsWith('<think>')).toBe(true)
  })
})
