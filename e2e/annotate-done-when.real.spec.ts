import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, hasRealFixtures, REAL_FIXTURES, REAL_SKIP_REASON, test } from './test'
import { setAnnotator } from './pages/annotator'
import { countPivots } from './lexicon-count'
import { DatasetsPage } from './pages/datasets-page'
import { ReaderPage } from './pages/reader-page'
import { TracesPage } from './pages/traces-page'
import { storedRows } from './stored'

interface Span {
  id: string
  traceId: string
  start: number
  end: number
  quote: string
  label: string
  origin: string
  rejected: boolean
  annotator: string
}
interface StoredTrace {
  id: string
  key: string
  status: string
  tags: string[]
}

test.describe('annotate, keyboard only, on real traces (#10 done-when)', () => {
  test.skip(!hasRealFixtures, REAL_SKIP_REASON)

  test('ten spans (two by sentence, one over a step), a category accepted, one rejected, a relation, undo twice and redo once, tag, done, next unfinished; the reload finds exactly that', async ({
    page,
  }) => {
    // 200 real traces imported, then some forty keys each waited on: longer than the default.
    test.setTimeout(240_000)
    const FILE = 'thinktraces_qwen3-8b_think-on.jsonl'
    const source = readFileSync(resolve(REAL_FIXTURES, FILE), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { item_id: string; thinking: string })
    const datasets = new DatasetsPage(page)
    await datasets.goto()
    await setAnnotator(page)
    await datasets.importFile(resolve(REAL_FIXTURES, FILE), 200)
    await datasets.open('thinktraces_qwen3-8b_think-on')
    // The first trace (table order is source order) with pivots of three kinds.
    const index = source.findIndex(
      (r) => Object.values(countPivots(r.thinking)).filter(Boolean).length >= 3,
    )
    const pick = source[index]!
    const nextKey = source[index + 1]!.item_id
    await new TracesPage(page).open(pick.item_id)
    const reader = new ReaderPage(page)
    await reader.expectOpen(pick.item_id)
    const keys = page.keyboard
    const spans = async () =>
      (await storedRows<Span>(page, 'annotations')).filter((a) => a.traceId.length > 0)
    const count = async () => (await spans()).length

    // Two spans by sentence: j 6, j 9.
    await keys.press('j')
    await keys.press('6')
    await expect.poll(count).toBe(1)
    await keys.press('j')
    await keys.press('9')
    await expect.poll(count).toBe(2)
    // One over a step: l, then L extends by the next step, 7.
    await keys.press('l')
    const step = (await reader.cursorOffsets())[0]!
    await keys.press('L')
    await expect.poll(async () => (await reader.cursorOffsets())[0]!.end).toBeGreaterThan(step.end)
    await keys.press('7')
    await expect.poll(count).toBe(3)
    // Seven more on the next pivots.
    for (const key of ['1', '2', '3', '4', '5', '8', '0']) {
      await keys.press(']')
      await keys.press(key)
    }
    await expect.poll(count).toBe(10)
    await expect(reader.spans()).toHaveCount(10)

    // Accept every suggestion of the first suggestion's label, then reject the next one.
    await keys.press('Escape')
    await keys.press('Escape')
    const groups = page.getByTestId('suggestion-group')
    await expect(groups.first()).toBeVisible()
    const before = new Map<string, number>()
    for (const g of await groups.all()) {
      before.set(
        (await g.getAttribute('data-label'))!,
        Number(await g.getByTestId('suggestion-count').textContent()),
      )
    }
    await keys.press('s')
    await keys.press('A')
    await expect
      .poll(async () => (await spans()).filter((s) => s.origin === 'suggestion').length)
      .toBeGreaterThan(0)
    const accepted = (await spans()).filter((s) => s.origin === 'suggestion')
    const acceptedLabel = accepted[0]!.label
    expect(accepted.length).toBe(before.get(acceptedLabel))
    expect(new Set(accepted.map((s) => s.label))).toEqual(new Set([acceptedLabel]))
    await keys.press('s')
    await keys.press('x')
    await expect.poll(async () => (await spans()).filter((s) => s.rejected).length).toBe(1)
    const afterSuggestions = await count()

    // A relation between the two spans before the cursor: , c , c 1 (abandons).
    await keys.press(',')
    await keys.press('c')
    await keys.press(',')
    await keys.press('c')
    await keys.press('1')
    await expect.poll(async () => (await storedRows(page, 'relations')).length).toBe(1)

    // Undo twice (the relation, the rejection), redo once (the rejection).
    await keys.press('z')
    await expect.poll(async () => (await storedRows(page, 'relations')).length).toBe(0)
    await keys.press('z')
    await expect.poll(async () => (await spans()).filter((s) => s.rejected).length).toBe(0)
    await keys.press('Z')
    await expect.poll(async () => (await spans()).filter((s) => s.rejected).length).toBe(1)
    const expected = (await spans())
      .map((s) => `${s.start}-${s.end}:${s.label}:${s.origin}:${s.rejected}`)
      .sort()
    expect(expected).toHaveLength(afterSuggestions)

    // Tag (t 1: Origin: emergent), done, next unfinished.
    const trace = async () =>
      (await storedRows<StoredTrace>(page, 'traces')).find((t) => t.key === pick.item_id)!
    await keys.press('t')
    await keys.press('1')
    await expect.poll(async () => (await trace()).tags).toEqual(['origin-emergent'])
    await keys.press('d')
    await expect.poll(async () => (await trace()).status).toBe('done')
    await keys.press('u')
    await reader.expectOpen(nextKey)

    // Reload: exactly that state.
    await page.reload()
    await reader.expectOpen(nextKey)
    expect(
      (await spans()).map((s) => `${s.start}-${s.end}:${s.label}:${s.origin}:${s.rejected}`).sort(),
    ).toEqual(expected)
    expect(await storedRows(page, 'relations')).toEqual([])
    expect(await trace()).toMatchObject({ status: 'done', tags: ['origin-emergent'] })
    for (const s of await spans()) expect(pick.thinking.slice(s.start, s.end)).toBe(s.quote)
    expect((await spans()).filter((s) => s.origin === 'manual')).toHaveLength(10)
  })

  test('Thought Anchors sentence labelling: one key a sentence, two labels on one, offsets exact', async ({
    page,
  }) => {
    const FILE = 'thoughtanchors_r1-distill-qwen-14b_p330_correct_base_solution.json'
    const solution = (
      JSON.parse(readFileSync(resolve(REAL_FIXTURES, FILE), 'utf8')) as { solution: string }
    ).solution
    const datasets = new DatasetsPage(page)
    await datasets.goto()
    await setAnnotator(page)
    await datasets.importFile(resolve(REAL_FIXTURES, FILE), 1)
    await datasets.open('thoughtanchors_r1-distill-qwen-14b_p330_correct_base')
    await page.getByLabel('Taxonomy').selectOption({ label: 'Thought Anchors sentence functions' })
    await page.getByTestId('trace-row').first().getByRole('cell').nth(1).click()
    await expect(
      page.getByRole('heading', { name: 'Labels · Thought Anchors sentence functions' }),
    ).toBeVisible()
    const reader = new ReaderPage(page)
    const keys = page.keyboard
    const sentences: string[] = []
    // problem_setup, plan_generation, fact_retrieval, active_computation (+ self_checking).
    for (const key of ['1', '2', '3', '4']) {
      const before = (await reader.cursorTexts())[0]
      await keys.press('j')
      // A move may be held for a moment behind a label key (use-annotate-keys.ts): wait for it.
      await expect.poll(async () => (await reader.cursorTexts())[0]).not.toBe(before)
      sentences.push((await reader.cursorTexts())[0]!)
      await keys.press(key)
    }
    await keys.press('8')
    await expect(reader.spans()).toHaveCount(5)
    const stored = (await storedRows<Span>(page, 'annotations')).sort(
      (a, b) => a.start - b.start || a.label.localeCompare(b.label),
    )
    expect(stored.map((s) => s.label)).toEqual([
      'problem_setup',
      'plan_generation',
      'fact_retrieval',
      'active_computation',
      'self_checking',
    ])
    for (const s of stored) expect(solution.slice(s.start, s.end)).toBe(s.quote)
    expect(stored.slice(0, 4).map((s) => s.quote)).toEqual(sentences)
    expect(stored[0]!.start).toBe(0)
    // Sentences follow each other: each starts after the previous one's end, at its text.
    for (let i = 1; i < 4; i++) {
      expect(stored[i]!.start).toBeGreaterThanOrEqual(stored[i - 1]!.end)
      expect(solution.slice(stored[i - 1]!.end, stored[i]!.start).trim()).toBe('')
    }
    expect(stored[4]).toMatchObject({ start: stored[3]!.start, end: stored[3]!.end })
  })
})
