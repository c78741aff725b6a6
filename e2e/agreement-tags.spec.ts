import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, OWN_FIXTURES, test } from './test'
import { setAnnotator } from './pages/annotator'
import { DatasetsPage } from './pages/datasets-page'
import { ReaderPage } from './pages/reader-page'
import { TracesPage } from './pages/traces-page'
import { storedRows } from './stored'

/** Trace tag keys of the default taxonomy: t 1 is Origin: emergent, t 4 Outcome: correct. */
async function tag(page: Page, ...numbers: string[]) {
  for (const n of numbers) {
    await page.keyboard.press('t')
    await page.keyboard.press(n)
  }
}

test('kappa on trace tags: two annotators tag with the keys; the agreement view shows it, after a reload too', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const datasets = new DatasetsPage(page)
  const reader = new ReaderPage(page)
  await datasets.goto()
  await setAnnotator(page, 'ana')
  await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 6)
  await datasets.open('flat-small')
  await new TracesPage(page).open('fs-emoji')
  await reader.expectOpen('fs-emoji')
  // ana: fs-emoji emergent; fs-chinese emergent and correct; fs-html emergent set then cleared
  // (her entry stays, empty: she looked and chose no tag).
  await tag(page, '1')
  await page.keyboard.press('n')
  await reader.expectOpen('fs-chinese')
  await tag(page, '1', '4')
  await page.keyboard.press('n')
  await reader.expectOpen('fs-html')
  await tag(page, '1', '1')
  // ben, after changing the name in the header: fs-html correct; fs-chinese correct; fs-emoji
  // emergent.
  await setAnnotator(page, 'ben')
  await page.getByRole('heading', { level: 1 }).click()
  await tag(page, '4')
  await page.keyboard.press('p')
  await reader.expectOpen('fs-chinese')
  await tag(page, '4')
  await page.keyboard.press('p')
  await reader.expectOpen('fs-emoji')
  await tag(page, '1')
  const stored = async () =>
    Object.fromEntries(
      (await storedRows<{ key: string; tags: string[]; tagsBy?: unknown }>(page, 'traces'))
        .filter((t) => t.tagsBy !== undefined)
        .map((t) => [t.key, { tags: t.tags, tagsBy: t.tagsBy }]),
    )
  await expect.poll(stored).toEqual({
    'fs-emoji': {
      tags: ['origin-emergent'],
      tagsBy: { ana: ['origin-emergent'], ben: ['origin-emergent'] },
    },
    'fs-chinese': {
      tags: ['origin-emergent', 'outcome-correct'],
      tagsBy: { ana: ['origin-emergent', 'outcome-correct'], ben: ['outcome-correct'] },
    },
    'fs-html': { tags: ['outcome-correct'], tagsBy: { ana: [], ben: ['outcome-correct'] } },
  })

  await datasets.goto()
  await datasets.open('flat-small')
  await page.getByRole('link', { name: 'Agreement' }).click()
  // Units: the 3 traces both tagged. By hand (Cohen's kappa, "has the tag"):
  // emergent: ana Y Y N, ben Y N N: po = 2/3, pe = (2/3)(1/3) + (1/3)(2/3) = 4/9,
  //   kappa = (2/3 - 4/9) / (5/9) = 0.4. correct: ana N Y N, ben N Y Y: the same, 0.4.
  // overall, 6 (trace, tag) pairs: 4 agree, po = 2/3; each says yes 3 times of 6, pe = 1/2;
  //   kappa = (2/3 - 1/2) / (1/2) = 1/3.
  const check = async () => {
    await expect(page.getByRole('heading', { name: 'Agreement', level: 1 })).toBeVisible()
    await expect(page.getByTestId('tag-kappa')).toContainText('On 3 traces')
    await expect(page.getByTestId('tag-kappa')).toContainText(
      'Cohen’s kappa on “has the tag”, overall over 6 (trace, tag) pairs: 0.333.',
    )
    const table = page.getByRole('table', { name: 'Tag agreement by tag' })
    await expect(table.getByRole('row', { name: /^origin-emergent/ })).toHaveText(
      'origin-emergent0.400321',
    )
    await expect(table.getByRole('row', { name: /^outcome-correct/ })).toHaveText(
      'outcome-correct0.400312',
    )
    await expect(table.getByRole('row', { name: /^overall/ })).toHaveText('overall0.333633')
  }
  await check()
  await page.reload()
  await check()
})
