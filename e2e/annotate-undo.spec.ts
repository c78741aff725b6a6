import { expect, test } from './test'
import { openForAnnotation } from './pages/annotate-setup'
import { storedRows } from './stored'

interface Span {
  id: string
  quote: string
  label: string
  origin: string
  rejected: boolean
  note: string
}
interface Relation {
  from: string
  to: string
  label: string
}

test('suggestions accepted by category and one by one, one rejected for good; a relation, relabel and note by key; undo and redo, also after a reload', async ({
  page,
}) => {
  const reader = await openForAnnotation(page, 'fs-emoji')
  const keys = page.keyboard
  const spans = async () =>
    (await storedRows<Span>(page, 'annotations')).sort((a, b) => a.quote.localeCompare(b.quote))
  const summary = async () =>
    (await spans()).map(
      (s) => `${s.quote}|${s.label}|${s.origin}|${s.rejected ? 'x' : ''}|${s.note}`,
    )
  const relations = () => storedRows<Relation>(page, 'relations')
  const group = (label: string) =>
    page.locator(`[data-testid="suggestion-group"][data-label="${label}"]`)

  // The lexicon's pivots and the backtrack are offered; s moves to the first.
  await expect(group('realization').getByTestId('suggestion-count')).toHaveText('2')
  await expect(group('verification').getByTestId('suggestion-count')).toHaveText('1')
  await expect(group('backtrack').getByTestId('suggestion-count')).toHaveText('1')
  await expect.poll(() => reader.highlightTexts('reasoning', 'suggestion')).toContain('Hmm')
  await keys.press('s')
  await expect.poll(() => reader.cursorTexts()).toEqual(['Hmm'])
  // A: every realization suggestion at once.
  await keys.press('A')
  await expect
    .poll(summary)
    .toEqual(['Hmm|realization|suggestion||', 'Wait|realization|suggestion||'])
  await expect(group('realization')).toHaveCount(0)
  // s, x: the backtrack rejected (stored as rejected, no longer offered).
  await keys.press('s')
  await expect(page.getByTestId('annotate-message')).toContainText('Backtrack')
  await keys.press('x')
  await expect(group('backtrack')).toHaveCount(0)
  await expect(page.getByTestId('rejected-count')).toContainText('1 rejected suggestion')
  // s, a: "let me check" accepted.
  await keys.press('s')
  await expect.poll(() => reader.cursorTexts()).toEqual(['let me check'])
  await keys.press('a')
  await expect.poll(async () => (await spans()).length).toBe(4)
  await expect(group('verification')).toHaveCount(0)
  const before = await summary()
  expect(before.filter((s) => s.includes('|x|'))).toHaveLength(1)

  // A relation: , selects "Wait", c, . selects "let me check", c, 3 (verifies).
  await keys.press(',')
  await keys.press('c')
  await keys.press('.')
  await keys.press('c')
  await keys.press('3')
  await expect.poll(async () => (await relations()).length).toBe(1)
  const byQuote = new Map((await spans()).map((s) => [s.quote, s.id]))
  expect(await relations()).toMatchObject([
    { from: byQuote.get('Wait'), to: byQuote.get('let me check'), label: 'verifies' },
  ])
  await expect(page.getByTestId('relation-item')).toContainText('verifies')

  // r 5: relabel the selected span as Backtrack; e: its note.
  await keys.press('r')
  await keys.press('5')
  await expect.poll(summary).toContain('let me check|backtrack|suggestion||')
  await keys.press('e')
  await keys.type('checks x = 3')
  await keys.press('Enter')
  await expect.poll(summary).toContain('let me check|backtrack|suggestion||checks x = 3')

  // Undo three times (note, relabel, relation), redo once (the relation).
  await keys.press('z')
  await expect.poll(summary).toContain('let me check|backtrack|suggestion||')
  await keys.press('z')
  await expect.poll(summary).toContain('let me check|verification|suggestion||')
  await keys.press('Control+z')
  await expect.poll(async () => (await relations()).length).toBe(0)
  await keys.press('Control+Shift+z')
  await expect.poll(async () => (await relations()).length).toBe(1)
  expect(await summary()).toEqual(before)

  // v selects the relation in the list (not the span), Delete removes it alone; z brings it back.
  await keys.press('v')
  await expect(page.getByTestId('relation-item')).toHaveAttribute('aria-current', 'true')
  await expect(page.getByTestId('annotate-message')).toContainText('verifies')
  await keys.press('Delete')
  await expect.poll(async () => (await relations()).length).toBe(0)
  await expect(page.getByTestId('relation-item')).toHaveCount(0)
  expect(await summary()).toEqual(before)
  await keys.press('z')
  await expect.poll(async () => (await relations()).length).toBe(1)

  // After a reload the same state, and the log still undoes and redoes.
  await page.reload()
  await reader.expectOpen('fs-emoji')
  await expect(reader.spans()).toHaveCount(3)
  expect(await summary()).toEqual(before)
  await expect(group('realization')).toHaveCount(0)
  await expect(group('backtrack')).toHaveCount(0)
  await keys.press('z')
  await expect.poll(async () => (await relations()).length).toBe(0)
  await keys.press('Z')
  await expect.poll(async () => (await relations()).length).toBe(1)
  // Undo the accept, then the reject: the backtrack is offered again.
  await keys.press('z')
  await keys.press('z')
  await expect.poll(async () => (await spans()).length).toBe(3)
  await keys.press('z')
  await expect.poll(async () => (await spans()).length).toBe(2)
  await expect(group('backtrack').getByTestId('suggestion-count')).toHaveText('1')
})
