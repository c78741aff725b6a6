import { expect, test } from './test'
import { openForAnnotation } from './pages/annotate-setup'
import { ReaderPage } from './pages/reader-page'
import { storedRows } from './stored'

test('two tabs on one trace: each sees the other’s spans, status and tags live; nothing is lost', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000)
  const a = await openForAnnotation(page, 'fs-chinese')
  const other = await context.newPage()
  const errors: string[] = []
  other.on('pageerror', (e) => errors.push(e.message))
  await other.goto(page.url(), { waitUntil: 'domcontentloaded' })
  const b = new ReaderPage(other)
  await b.expectOpen('fs-chinese')

  // Interleaved: A labels sentences 1 and 3, B sentences 2 and 4, each with its own keys.
  await page.bringToFront()
  await page.keyboard.press('j')
  await page.keyboard.press('1')
  await other.bringToFront()
  await other.keyboard.press('j')
  await other.keyboard.press('j')
  await other.keyboard.press('2')
  await page.bringToFront()
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('3')
  await other.bringToFront()
  await other.keyboard.press('j')
  await other.keyboard.press('j')
  await other.keyboard.press('4')
  await other.keyboard.press('d')
  await page.bringToFront()
  await page.keyboard.press('t')
  await page.keyboard.press('2')

  for (const reader of [a, b]) await expect(reader.spans()).toHaveCount(4)
  await expect(other.getByRole('checkbox', { name: /Origin: synthetic$/ })).toBeChecked()
  await expect(page.getByRole('radio', { name: /done/ })).toBeChecked()
  const spans = await storedRows<{ label: string; start: number }>(page, 'annotations')
  // Four spans, each tab's two (different labels): none lost, none doubled.
  expect(spans.map((s) => s.label).sort()).toEqual([
    'exploration',
    'integration',
    'realization',
    'verification',
  ])
  const trace = (
    await storedRows<{ key: string; status: string; tags: string[] }>(page, 'traces')
  ).find((t) => t.key === 'fs-chinese')!
  expect(trace).toMatchObject({ status: 'done', tags: ['origin-synthetic'] })
  expect(errors).toEqual([])
})
