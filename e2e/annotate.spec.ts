import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { setAnnotator } from './pages/annotator'
import { DatasetsPage } from './pages/datasets-page'
import { dragSelect, ReaderPage } from './pages/reader-page'
import { TracesPage } from './pages/traces-page'

const rows = readFileSync(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; reasoning: string })

test('spans after emoji and in CJK text keep exact offsets through export; delete by key and button', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await setAnnotator(page)
  await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 6)
  await datasets.open('flat-small')
  const traces = new TracesPage(page)
  const reader = new ReaderPage(page)

  // After "🤔" and "𝑥" (two astral characters): UTF-16 and code-point offsets differ by 2.
  const emoji = rows.find((r) => r.id === 'fs-emoji')!.reasoning
  const wait = emoji.indexOf('Wait')
  await traces.open('fs-emoji')
  await reader.expectOpen('fs-emoji')
  await dragSelect(reader, 'reasoning', wait, wait + 4)
  await page.keyboard.press('1')
  await expect(reader.spans()).toHaveCount(1)
  await expect(reader.spans().first()).toContainText(`reasoning ${wait}–${wait + 4}`)

  // The Chinese trace: label a CJK phrase with the keyboard.
  await page.keyboard.press('n')
  await reader.expectOpen('fs-chinese')
  const chinese = rows.find((r) => r.id === 'fs-chinese')!.reasoning
  const phrase = '让我再检查一下'
  const at = chinese.indexOf(phrase)
  await reader.selectText('reasoning', at, at + phrase.length)
  await page.keyboard.press('2')
  await expect(reader.spans()).toHaveCount(1)
  // A second span, then delete it with the Delete key (it is selected once created).
  await reader.selectText('reasoning', 0, 2)
  await page.keyboard.press('4')
  await expect(reader.spans()).toHaveCount(2)
  await page.keyboard.press('Delete')
  await expect(reader.spans()).toHaveCount(1)
  await expect(reader.spans().first()).toContainText(phrase)

  await page.getByRole('link', { name: 'Datasets' }).click()
  const download = await datasets.exportJsonl('flat-small')
  const lines = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
  const emojiLine = lines.find((l) => l.trace.key === 'fs-emoji')
  expect(emojiLine.spans[0]).toMatchObject({ start: wait, end: wait + 4, text: 'Wait' })
  expect(emojiLine.spans[0].start_cp).toBe(wait - 2)
  expect(
    [...emojiLine.reasoning].slice(emojiLine.spans[0].start_cp, emojiLine.spans[0].end_cp).join(''),
  ).toBe('Wait')
  const cjkLine = lines.find((l) => l.trace.key === 'fs-chinese')
  expect(cjkLine.spans).toHaveLength(1)
  expect(cjkLine.spans[0]).toMatchObject({
    start: at,
    start_cp: at,
    text: phrase,
    label: 'verification',
  })

  // Delete the remaining span with its button, in the reader.
  await datasets.open('flat-small')
  await traces.open('fs-chinese')
  await reader
    .spans()
    .first()
    .getByRole('button', { name: /^Delete span/ })
    .click()
  await expect(reader.spans()).toHaveCount(0)
})
