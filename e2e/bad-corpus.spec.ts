import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { dumpDatabase } from './db-dump'
import { expect, OWN_FIXTURES, test } from './test'
import { DatasetsPage } from './pages/datasets-page'
import { seedSpan } from './stored'

/**
 * Issue #12: every file of the bad-input corpus (e2e/fixtures/bad/, made by make-corpus.mjs) is
 * imported into a database that already holds a dataset with a span. Each must end with a clear
 * message naming the file and the place (line, row, element) or field, and after the failed or
 * aborted import a raw dump of every table must be byte-identical to the dump before.
 */
const BAD = resolve(OWN_FIXTURES, 'bad')
interface Case {
  name: string
  expect: 'refused' | 'bad-rows' | 'preview'
  text: string
}
const corpus = JSON.parse(readFileSync(resolve(BAD, 'corpus.json'), 'utf8')) as Case[]

test.setTimeout(240_000)

test(`the bad-input corpus (${corpus.length} files): a clear message each, and not a byte changed`, async ({
  page,
}) => {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  await datasets.importFile(resolve(OWN_FIXTURES, 'flat-small.jsonl'), 6)
  await seedSpan(page)
  await page.reload()
  await expect(datasets.row('flat-small')).toBeVisible()
  const before = await dumpDatabase(page)
  expect(before).toContain('"label":"realization"')

  const seen: string[] = []
  for (const c of corpus) {
    await test.step(c.name, async () => {
      await datasets.fileInput().setInputFiles({
        name: c.name,
        mimeType: 'application/octet-stream',
        buffer: readFileSync(resolve(BAD, c.name)),
      })
      const form = datasets.previewForm()
      if (c.expect === 'refused') {
        const alert = page.getByRole('alert').filter({ hasText: 'Import failed' })
        await expect(alert).toBeVisible()
        await expect.soft(alert).toContainText(c.text)
        // The message names the file (a control in it shown as a marker, not obeyed).
        await expect.soft(alert).toContainText(c.name.split('\u202e').at(-1)!)
        await alert.getByRole('button', { name: 'Dismiss' }).click()
      } else if (c.expect === 'preview') {
        await expect(form).toBeVisible()
        await expect.soft(form).toContainText(c.text)
        await form.getByRole('button', { name: 'Cancel' }).click()
      } else {
        await expect(form).toBeVisible()
        await form.getByRole('button', { name: 'Import', exact: true }).click()
        const decide = page.getByRole('region', { name: /^Bad records in/ })
        await expect(decide).toBeVisible()
        await expect.soft(decide.getByRole('list', { name: 'Bad rows' })).toContainText(c.text)
        await expect.soft(decide).toContainText(c.name.split('\u202e').at(-1)!)
        await decide.getByRole('button', { name: 'Abort the import' }).click()
        await expect(decide).toHaveCount(0)
      }
      await expect(form).toHaveCount(0)
      await expect(
        page.getByText(/Maximum call stack|Unserializable|QuotaExceededError/),
      ).toHaveCount(0)
      await expect
        .poll(() => dumpDatabase(page), { message: `${c.name} changed the database` })
        .toBe(before)
      seen.push(c.name)
    })
  }
  expect(seen).toHaveLength(corpus.length)
  expect(corpus.length).toBeGreaterThanOrEqual(40)
})
