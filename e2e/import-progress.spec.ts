import { writeFileSync } from 'node:fs'
import { expect, test } from './test'
import { DatasetsPage } from './pages/datasets-page'

/**
 * #9 "the import bar stays at about a third while the text says done": the bar was capped at a
 * third of the panel (so a full bar looked a third full), and its value was the bytes the file
 * stream had pulled, which run megabytes ahead of the records read ("9.7 MB of 9.7 MB · 0 s
 * left" with half the traces still to come). Every progress shown must agree with itself.
 */
test('the import bar spans the panel and is full only when every trace is read', async ({
  page,
}, testInfo) => {
  const TRACES = 3000
  const words = ['Wait,', 'so', 'the', 'answer', 'is', '答案', 'maybe', 'but', 'check.']
  const lines = Array.from({ length: TRACES }, (_, i) =>
    JSON.stringify({
      id: `p${i}`,
      question: `Question ${i}?`,
      reasoning: Array.from({ length: 300 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(
        ' ',
      ),
      answer: '\\boxed{1}',
    }),
  )
  const file = testInfo.outputPath('progress.jsonl')
  writeFileSync(file, lines.join('\n') + '\n')

  const datasets = new DatasetsPage(page)
  await datasets.goto()
  // Every state of the import status, as the user saw it (bar value, bar and status widths).
  await page.evaluate(() => {
    const seen: { value: number; bar: number; status: number; text: string }[] = []
    ;(window as unknown as { seen: typeof seen }).seen = seen
    new MutationObserver(() => {
      const status = document.querySelector('.import-status')
      const bar = status?.querySelector('progress')
      if (!status || !bar) return
      seen.push({
        value: bar.value / bar.max,
        bar: bar.getBoundingClientRect().width,
        status: status.getBoundingClientRect().width,
        text: status.textContent ?? '',
      })
    }).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    })
  })
  await datasets.previewFile(file)
  await datasets.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByText(`Imported 3,000 traces from progress.jsonl`)).toBeVisible({
    timeout: 60_000,
  })
  const seen = await page.evaluate(
    () =>
      (
        window as unknown as {
          seen: { value: number; bar: number; status: number; text: string }[]
        }
      ).seen,
  )
  expect(seen.length, 'the bar was shown').toBeGreaterThan(0)
  for (const s of seen) {
    expect(s.bar, 'the bar spans the status').toBeGreaterThan(s.status * 0.95)
    const traces = Number(/^([\d,]+) traces/.exec(s.text)?.[1]?.replace(/,/g, '') ?? NaN)
    // Full (and "0 s left") only once the last trace is read; before, a fraction of them.
    if (s.value > 0.99) expect(traces, `${s.text} at ${s.value}`).toBe(TRACES)
    expect(s.value, s.text).toBeLessThanOrEqual(traces / TRACES + 0.1)
  }
})
