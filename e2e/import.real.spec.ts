import { resolve } from 'node:path'
import { expect, hasRealFixtures, REAL_FIXTURES, REAL_SKIP_REASON, test } from './test'
import { DatasetsPage } from './pages/datasets-page'
import { ReaderPage } from './pages/reader-page'
import { TracesPage } from './pages/traces-page'
import { storedRows } from './stored'

/**
 * Every real trace file imports with the record counts of SOURCES.md and the right fields mapped
 * by detection alone (the preview's selects are checked, never changed).
 */
const CASES: { file: string; traces: number; fields: Record<string, string> }[] = [
  ...['qwen3-8b_think-on', 'qwen3-8b_think-off', 'qwen3.5-9b_think-on', 'qwen3.5-9b_think-off'].map(
    (m) => ({
      file: `thinktraces_${m}.jsonl`,
      traces: 200,
      fields: { Reasoning: 'thinking', Answer: 'content', 'Id (key)': 'item_id', Model: 'model' },
    }),
  ),
  ...[
    'qwen2.5-14b-instruct',
    'sky-t1-math-correct-5k-14b',
    'sky-t1-math-wrong-5k-14b',
    'sky-t1-math-reflection-1.0-32b',
  ].map((m) => ({
    file: `skythought_${m}_aime24.jsonl`,
    traces: 30,
    fields: {
      Problem: 'question',
      Reasoning: 'code',
      'Reference answer': 'gt',
      'Id (key)': 'idx',
      Correctness: 'score',
    },
  })),
  ...[
    'r1-distill-qwen-14b_p330_correct',
    'r1-distill-qwen-14b_p330_incorrect',
    'r1-distill-llama-8b_p330_correct',
  ].map((m) => ({
    file: `thoughtanchors_${m}_base_solution.json`,
    traces: 1,
    fields: {
      Problem: 'prompt',
      Reasoning: 'solution',
      Correctness: 'is_correct',
      'Reference answer': '',
    },
  })),
  {
    file: 'wordle_multiturn_think.parquet',
    traces: 1000,
    fields: { Problem: 'chat.problem', Reasoning: 'chat.reasoning', 'Reference answer': 'answer' },
  },
]

test.describe('real datasets import as they come', () => {
  test.skip(!hasRealFixtures, REAL_SKIP_REASON)

  for (const c of CASES) {
    test(`${c.file}: ${c.traces} traces, fields detected`, async ({ page }) => {
      const datasets = new DatasetsPage(page)
      await datasets.goto()
      await datasets.previewFile(resolve(REAL_FIXTURES, c.file))
      const form = datasets.previewForm()
      for (const [label, source] of Object.entries(c.fields)) {
        await expect(form.getByLabel(label, { exact: true }), label).toHaveValue(source)
      }
      await form.getByRole('button', { name: 'Import', exact: true }).click()
      await expect(
        page.getByText(`Imported ${c.traces.toLocaleString('en-US')} traces from ${c.file}`),
      ).toBeVisible({
        timeout: 30_000,
      })
    })
  }

  test('a problems file supplies the prompts of traces that carry only an id', async ({ page }) => {
    const datasets = new DatasetsPage(page)
    await datasets.goto()
    await datasets.previewFile(resolve(REAL_FIXTURES, 'thinktraces_qwen3-8b_think-on.jsonl'))
    await datasets
      .previewForm()
      .getByLabel('Problems file')
      .setInputFiles(resolve(REAL_FIXTURES, 'thinktraces_items.json'))
    await datasets.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
    await expect(
      page.getByText(
        'Imported 200 traces from thinktraces_qwen3-8b_think-on.jsonl (200 problems joined)',
      ),
    ).toBeVisible()
    await page.getByRole('button', { name: 'OK' }).click()
    await datasets.open('thinktraces_qwen3-8b_think-on')
    await new TracesPage(page).open('arith-00-0')
    const reader = new ReaderPage(page)
    await expect(reader.field('problem')).toContainText('crates')
  })

  test('SkyThought: the unterminated thought block is the reasoning, the judged correctness matches', async ({
    page,
  }) => {
    const datasets = new DatasetsPage(page)
    await datasets.goto()
    await datasets.importFile(
      resolve(REAL_FIXTURES, 'skythought_sky-t1-math-correct-5k-14b_aime24.jsonl'),
      30,
    )
    await datasets.open('skythought_sky-t1-math-correct-5k-14b_aime24')
    await expect(new TracesPage(page).rows().first()).toBeVisible()
    const stored = await storedRows<{ correct: boolean | null }>(page, 'traces')
    // SOURCES.md: 6 of 30 correct, from the file's own `score`.
    expect(stored.filter((t) => t.correct === true)).toHaveLength(6)
    const texts = await storedRows<{ reasoning: string; answer: string }>(page, 'texts')
    // No thought marker survives in the stored reasoning.
    for (const t of texts) expect(t.reasoning).not.toContain('<|begin_of_thought|>')
  })
})
