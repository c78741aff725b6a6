import type { Page } from '@playwright/test'
import { expect, test } from './test'
import { openForAnnotation } from './pages/annotate-setup'
import { storedAnnotator } from './pages/annotator'
import { storedRows } from './stored'

interface StoredSpan {
  quote: string
  label: string
  annotator: string
}

const annotators = async (page: Page) =>
  (await storedRows<StoredSpan>(page, 'annotations')).map((a) => a.annotator).sort()

test('the first annotation of a profile asks the annotator once; the span is made with that name; the header still changes it', async ({
  page,
}) => {
  // An import, two reloads and eleven checks of the database: over a minute on a loaded machine.
  test.setTimeout(120_000)
  const reader = await openForAnnotation(page, 'fs-plain', { annotator: null })
  const header = page.getByRole('textbox', { name: 'Annotator' })
  await expect(header).toHaveValue('anonymous')
  expect(await storedAnnotator(page)).toBeNull()

  // j 1: asked first, in a modal dialog whose field has the focus; nothing stored yet.
  const keys = page.keyboard
  await keys.press('j')
  await keys.press('1')
  const prompt = page.getByRole('dialog', { name: 'Who is annotating?' })
  await expect(prompt).toBeVisible()
  await expect(prompt.getByRole('textbox', { name: 'Your name' })).toBeFocused()
  expect(await storedRows(page, 'annotations')).toEqual([])
  // Keys typed go into the field (the annotate keys wait), Enter answers.
  await keys.type('Ana 🦊 j')
  await keys.press('Enter')
  await expect(prompt).toBeHidden()
  await expect(reader.spans()).toHaveCount(1)
  await expect.poll(() => annotators(page)).toEqual(['Ana 🦊 j'])
  await expect.poll(() => storedAnnotator(page)).toBe('Ana 🦊 j')
  await expect(header).toHaveValue('Ana 🦊 j')

  // Never again: not for the next span, not after a reload.
  await keys.press('l')
  await keys.press('2')
  await expect(reader.spans()).toHaveCount(2)
  await expect(prompt).toHaveCount(0)
  // Listed at once, stored a moment later (seconds on a loaded machine): reload once it is.
  await expect.poll(() => annotators(page)).toHaveLength(2)
  await page.reload()
  await reader.expectOpen('fs-plain')
  await expect(reader.spans()).toHaveCount(2)
  await keys.press('j')
  await keys.press('3')
  await expect(reader.spans()).toHaveCount(3)
  await expect(prompt).toHaveCount(0)
  await expect.poll(() => annotators(page)).toEqual(['Ana 🦊 j', 'Ana 🦊 j', 'Ana 🦊 j'])

  // The header changes it; the next span records the new name.
  await header.fill('Bo')
  await header.press('Enter')
  await expect.poll(() => storedAnnotator(page)).toBe('Bo')
  await keys.press('l')
  await keys.press('4')
  await expect(reader.spans()).toHaveCount(4)
  await expect(prompt).toHaveCount(0)
  await expect.poll(() => annotators(page)).toEqual(['Ana 🦊 j', 'Ana 🦊 j', 'Ana 🦊 j', 'Bo'])
})

test('skipping the question (Escape) keeps "anonymous", stores it, and the suggestion is accepted with it', async ({
  page,
}) => {
  const reader = await openForAnnotation(page, 'fs-plain', { annotator: null })
  const keys = page.keyboard
  // s a: accept the first suggestion ("Wait"): asked first.
  await keys.press('s')
  await keys.press('a')
  const prompt = page.getByRole('dialog', { name: 'Who is annotating?' })
  await expect(prompt).toBeVisible()
  await keys.press('Escape')
  await expect(prompt).toBeHidden()
  await expect(reader.spans()).toHaveCount(1)
  await expect
    .poll(async () => (await storedRows<StoredSpan>(page, 'annotations'))[0])
    .toMatchObject({ quote: 'Wait', annotator: 'anonymous' })
  await expect.poll(() => storedAnnotator(page)).toBe('anonymous')
  // Asked once: the next accept and a reload go ahead without it.
  await page.reload()
  await reader.expectOpen('fs-plain')
  await keys.press('s')
  await keys.press('x')
  await expect(page.getByTestId('rejected-count')).toContainText('1 rejected')
  await expect(prompt).toHaveCount(0)
  await expect.poll(() => annotators(page)).toEqual(['anonymous', 'anonymous'])
})
