import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { storedRows } from '../stored'

/**
 * Sets the annotator name in the header, as a user does before labelling, and waits until it is
 * stored. A profile with a name is never asked for one (the reader asks at a profile's first
 * annotation otherwise, see annotate-annotator.spec.ts).
 */
export async function setAnnotator(page: Page, name = 'tester') {
  const field = page.getByRole('textbox', { name: 'Annotator' })
  await field.fill(name)
  await field.press('Enter')
  await expect.poll(() => storedAnnotator(page)).toBe(name)
}

/** The annotator name stored in prefs (raw IndexedDB), or null when none was ever set. */
export async function storedAnnotator(page: Page): Promise<string | null> {
  const prefs = await storedRows<{ key: string; value: unknown }>(page, 'prefs')
  const row = prefs.find((p) => p.key === 'annotator')
  return row ? (row.value as string) : null
}
