import type { Page } from '@playwright/test'
import { resolve } from 'node:path'
import { OWN_FIXTURES } from '../test'
import { setAnnotator } from './annotator'
import { DatasetsPage } from './datasets-page'
import { ReaderPage } from './reader-page'
import { TracesPage } from './traces-page'

/**
 * The annotate specs' start: a fixture imported through the real file input into a fresh
 * profile, with an annotator name set in the header first (`annotator: null` leaves the profile
 * without one, so its first annotation asks), and one trace open in the reader from the table.
 */
export async function openForAnnotation(
  page: Page,
  key: string,
  {
    fixture = 'flat-small.jsonl',
    traces = 6,
    annotator = 'tester',
  }: { fixture?: string; traces?: number; annotator?: string | null } = {},
): Promise<ReaderPage> {
  const datasets = new DatasetsPage(page)
  await datasets.goto()
  if (annotator !== null) await setAnnotator(page, annotator)
  await datasets.importFile(resolve(OWN_FIXTURES, fixture), traces)
  await datasets.open(fixture.replace(/\.jsonl$/, ''))
  await new TracesPage(page).open(key)
  const reader = new ReaderPage(page)
  await reader.expectOpen(key)
  return reader
}
