import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { openForAnnotation } from './pages/annotate-setup'
import { storedRows } from './stored'

const rows = readFileSync(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; reasoning: string })

interface StoredSpan {
  start: number
  end: number
  quote: string
  label: string
  origin: string
}

test('keyboard only: label sentences, an extended selection and a pivot; no identical span twice; ? lists every key', async ({
  page,
}) => {
  const reader = await openForAnnotation(page, 'fs-emoji')
  const text = rows.find((r) => r.id === 'fs-emoji')!.reasoning
  const spans = async () =>
    (await storedRows<StoredSpan>(page, 'annotations')).sort((a, b) => a.start - b.start)
  const keys = page.keyboard

  // j: the first sentence (after two astral characters: UTF-16 offsets), 1 labels it.
  await keys.press('j')
  await expect.poll(() => reader.cursorTexts()).toHaveLength(1)
  const first = (await reader.cursorTexts())[0]!
  expect(text.startsWith(first)).toBe(true)
  await keys.press('1')
  await expect(reader.spans()).toHaveCount(1)
  await expect(reader.spans().first()).toHaveAttribute('data-state', 'saved')
  // The same key again on the same sentence: said, not stored twice.
  await keys.press('1')
  await expect(page.getByText(/not added twice/)).toBeVisible()
  await expect(reader.spans()).toHaveCount(1)

  // j then J: two sentences, labelled 2 as one span.
  await keys.press('j')
  const second = (await reader.cursorOffsets())[0]!
  await keys.press('J')
  await expect.poll(async () => (await reader.cursorOffsets())[0]!.end).toBeGreaterThan(second.end)
  const extended = (await reader.cursorOffsets())[0]!
  await keys.press('2')
  await expect(reader.spans()).toHaveCount(2)

  // ]: the first pivot ("Hmm"), labelled 4.
  await keys.press('Escape')
  await keys.press('Escape')
  await keys.press(']')
  await expect.poll(() => reader.cursorTexts()).toEqual(['Hmm'])
  await keys.press('4')
  await expect(reader.spans()).toHaveCount(3)
  await expect(reader.spans().nth(2)).toHaveAttribute('data-state', 'saved')

  const stored = await spans()
  expect(stored.map((s) => s.label)).toEqual(['realization', 'integration', 'verification'])
  for (const s of stored) expect(text.slice(s.start, s.end)).toBe(s.quote)
  expect(stored[0]).toMatchObject({ start: 0, quote: first, origin: 'manual' })
  expect(stored[2]).toMatchObject({ start: extended.start, end: extended.end })
  expect(stored[1]!.quote).toBe('Hmm')

  // , selects the span before the cursor, Delete removes it.
  await keys.press(',')
  await expect(reader.spans().and(page.locator('.selected'))).toHaveCount(1)
  await keys.press('Delete')
  await expect(reader.spans()).toHaveCount(2)
  // Said once the delete is written: a later message is not overwritten by it.
  await expect(page.getByTestId('annotate-message')).toHaveText('Span deleted.')

  // t waits for a trace label's number: the n after it is that key, not "next trace".
  const url = page.url()
  await keys.press('t')
  await keys.press('n')
  await expect(page.getByTestId('annotate-message')).toHaveText('No trace label n.')
  expect(page.url()).toBe(url)
  await reader.expectOpen('fs-emoji')

  // ?: every shortcut listed, then closed with Escape.
  await keys.press('?')
  const overlay = page.getByTestId('shortcut-overlay')
  await expect(overlay).toBeVisible()
  // Every key of the annotate keyboard (the same list the handler and the README use).
  const every = [
    ...'jJkKlLhH][}{sS.,axAXrecvVdiotmzZunp?',
    'Enter',
    'Delete',
    'Backspace',
    'Escape',
    'Ctrl+Z',
    'Ctrl+Shift+Z',
    'Ctrl+Y',
  ]
  for (const key of every) {
    await expect(overlay.locator('kbd').getByText(key, { exact: true }).first()).toBeVisible()
  }
  await expect(overlay.locator('kbd').getByText('t 1', { exact: true })).toBeVisible()
  await expect(overlay.getByText('Origin: emergent: ')).toBeVisible()
  await expect(overlay.getByText('Realization: ')).toBeVisible()
  await keys.press('Escape')
  await expect(overlay).toBeHidden()
})
