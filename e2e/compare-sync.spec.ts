import { writeFileSync } from 'node:fs'
import { expect, test } from './test'
import { ComparePage } from './pages/compare-page'
import { DatasetsPage } from './pages/datasets-page'
import { TracesPage } from './pages/traces-page'

/**
 * Two traces of one problem that share 60 steps, the second after 30 steps of its own: scrolling
 * by aligned step keeps a shared step at the top of both panes (step n of the first, step n + 30
 * of the second), which scrolling by step number would not.
 */
const shared = Array.from(
  { length: 60 },
  (_, i) =>
    `Case ${i + 1}: take n = ${i + 1}; then n squared is ${(i + 1) ** 2}, and adding n gives ${(i + 1) ** 2 + i + 1}, which we keep for the sum at the end of the count.`,
)
const own = Array.from(
  { length: 30 },
  (_, i) =>
    `Before that, note ${i + 1}: a remark of the second trace alone, about why the sum of n squared plus n is always even (${i + 1}).`,
)
const question = 'Sum n^2 + n for n = 1..60.'
const lines = [
  { id: 'sync-a', question, reasoning: shared.join('\n\n'), answer: '\\boxed{75640}' },
  { id: 'sync-b', question, reasoning: [...own, ...shared].join('\n\n'), answer: '\\boxed{75640}' },
]

test('panes scroll together by position and by aligned step; the pane scrolled leads', async ({
  page,
}, testInfo) => {
  const file = testInfo.outputPath('sync-pair.jsonl')
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(file, 2)
  await datasets.open('sync-pair')
  const traces = new TracesPage(page)
  await traces.select('sync-a')
  await traces.select('sync-b')
  await page.getByRole('button', { name: 'Compare selected' }).click()
  const compare = new ComparePage(page)
  await expect(compare.panes()).toHaveCount(2)
  await compare.pane(0).getByTestId('compare-scroll').scrollIntoViewIfNeeded()

  const inStep = async () => {
    const [first, ...rest] = await compare.scrollFractions()
    return rest.map((f) => (Math.abs(f - first!) < 0.01 ? 'same' : `${f} vs ${first}`))
  }
  // By position, led by the first pane and then by the second, several wheels in a row.
  for (const pane of [0, 0, 0, 1, 1, 0]) {
    await compare.wheel(pane, 700)
    await expect.poll(inStep).toEqual(['same'])
  }
  await compare.wheel(1, 400)
  await expect.poll(inStep).toEqual(['same'])
  expect((await compare.scrollFractions())[0]).toBeGreaterThan(0)

  // By aligned step: the diff by step matches step n of the first to step n + 30 of the second.
  await page.getByLabel('by aligned step').check()
  await expect(page.getByTestId('alignment-note')).toContainText('matched steps together')
  await compare.wheel(0, -100_000)
  await compare.wheel(0, 1200)
  await expect.poll(async () => (await compare.topSteps())[0]).toBeGreaterThan(2)
  await expect
    .poll(async () => {
      const [a, b] = await compare.topSteps()
      return b! - a!
    })
    .toBe(30)
  // Led by the second pane: its own first 30 steps have no match, the first pane stays at the top.
  await compare.wheel(1, -100_000)
  await expect.poll(() => compare.topSteps()).toEqual([1, 1])
  await compare.wheel(1, 1500)
  await expect.poll(async () => (await compare.topSteps())[1]).toBeGreaterThan(2)
  // (a step of its own: the first pane waits at its first step; a shared one: its match)
  await expect
    .poll(async () => {
      const [a, b] = await compare.topSteps()
      return b! > 30 ? b! - a! === 30 : a === 1
    })
    .toBe(true)
})
