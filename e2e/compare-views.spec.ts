import { writeFileSync } from 'node:fs'
import { expect, test } from './test'
import { ComparePage } from './pages/compare-page'
import { DatasetsPage } from './pages/datasets-page'
import { TracesPage } from './pages/traces-page'

/**
 * Five traces of one problem in two datasets: "Same problem" from the reader offers a picker (more
 * than four); the panes show model, answer and reference answer; a timeline tick scrolls its
 * pane; a diff by step marks removed and added steps in the two panes it compares.
 */
const question = 'How many positive divisors does 360 have?'
const steps = (seed: number, n: number) =>
  Array.from({ length: n }, (_, i) =>
    i % 4 === seed % 4
      ? `Wait, step ${i} of trace ${seed} checks the exponent count again: 3, 2 and 1 give 4 * 3 * 2.`
      : `Step ${i}: 360 = 2^3 * 3^2 * 5, so the divisors are products of those prime powers, counted once.`,
  ).join('\n\n')
const trace = (id: string, seed: number, model: string, answer: string) => ({
  id,
  question,
  reasoning: steps(seed, 40),
  answer: `\\boxed{${answer}}`,
  gold: '24',
  model,
})
const files = {
  'views-a': [
    trace('a1', 1, 'model-a', '24'),
    trace('a2', 2, 'model-a', '24'),
    trace('a3', 3, 'model-a', '22'),
  ],
  'views-b': [trace('b1', 5, 'model-b', '24'), trace('b2', 6, 'model-b', '20')],
}

test('same problem from the reader: picker, answers, timeline jump, diff marks', async ({
  page,
}, testInfo) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  for (const [name, rows] of Object.entries(files)) {
    const path = testInfo.outputPath(`${name}.jsonl`)
    writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
    await datasets.importFile(path, rows.length)
  }
  await datasets.open('views-a')
  await new TracesPage(page).open('a1')
  await page.getByRole('link', { name: 'Same problem' }).click()

  // Five traces of the problem: a picker, then the four chosen side by side.
  const picker = page.getByRole('form', { name: 'Choose traces of this problem' })
  await expect(picker.getByRole('checkbox')).toHaveCount(5)
  for (const key of ['a1', 'a3', 'b1', 'b2']) {
    await picker
      .getByRole('listitem')
      .filter({ hasText: `trace ${key} ·` })
      .getByRole('checkbox')
      .check()
  }
  await picker.getByRole('button', { name: 'Compare 4 chosen' }).click()
  const compare = new ComparePage(page)
  await expect(compare.panes()).toHaveCount(4)
  await expect(page).toHaveURL(/#\/compare\?.*problem=.*ids=|#\/compare\?.*ids=.*problem=/)
  await expect(page.getByTestId('compare-problem')).toHaveText(question)

  // Each pane: its model in the header, its answer and the reference answer under it.
  const all = Object.values(files).flat()
  for (let i = 0; i < 4; i++) {
    const pane = compare.pane(i)
    const key = (await pane.getByRole('link', { name: /^Trace / }).textContent())!.replace(
      'Trace ',
      '',
    )
    const source = all.find((r) => r.id === key.trim())!
    await expect(pane.getByTestId('pane-model')).toHaveText(source.model)
    await expect(pane.getByRole('region', { name: 'Answer', exact: true })).toContainText(
      source.answer,
    )
    await expect(pane.getByRole('region', { name: 'Reference answer' })).toContainText('24')
  }

  // A tick near the end of pane 3's timeline scrolls pane 3 there.
  await page.getByLabel('off').check()
  const tick = page.getByTestId('pivot-timeline').nth(2).getByTestId('timeline-tick').last()
  await tick.click()
  await expect.poll(() => compare.scrollFractions().then((f) => f[2]!)).toBeGreaterThan(0.5)
  expect((await compare.scrollFractions())[0]).toBe(0)

  // A diff by step of panes 1 and 2: removed steps marked in pane 1, added in pane 2.
  await page.getByLabel('Diff by').selectOption('step')
  await expect(page.getByTestId('diff-summary')).toContainText('steps shared')
  await expect.poll(() => compare.highlightSize(0, 'diff-removed')).toBeGreaterThan(0)
  await expect.poll(() => compare.highlightSize(1, 'diff-added')).toBeGreaterThan(0)
  expect(await compare.highlightSize(2, 'diff-added')).toBe(0)
})
