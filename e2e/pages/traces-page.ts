import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'

export class TracesPage {
  constructor(readonly page: Page) {}

  rows() {
    return this.page.getByTestId('trace-row')
  }

  table() {
    return this.page.getByRole('region', { name: /^Traces/ })
  }

  row(key: string) {
    return this.rows().filter({ has: this.page.getByRole('cell', { name: key, exact: true }) })
  }

  async select(key: string) {
    await this.page.getByRole('checkbox', { name: `Select trace ${key} for compare` }).click()
  }

  async open(key: string) {
    await this.row(key).getByRole('cell', { name: key, exact: true }).click()
  }

  /** The all-traces table, through the header's navigation. */
  async gotoAll() {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Traces' })
      .click()
    await expect(this.page.getByRole('heading', { name: 'All traces', level: 1 })).toBeVisible()
  }

  count() {
    return this.page.getByTestId('trace-count')
  }

  async sortBy(header: string) {
    await this.page
      .getByRole('columnheader', { name: header, exact: true })
      .getByRole('button')
      .click()
  }

  /** The text of one column in the rows rendered, top to bottom. */
  async columnTexts(header: string): Promise<string[]> {
    const headers = await this.page.getByRole('columnheader').allTextContents()
    const index = headers.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === header)
    if (index < 0) throw new Error(`no column ${header} in ${headers.join(' | ')}`)
    return this.page
      .getByTestId('trace-row')
      .evaluateAll(
        (rows, i) =>
          rows
            .sort(
              (a, b) =>
                Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')),
            )
            .map((r) => r.children[i]?.textContent ?? ''),
        index,
      )
  }

  async keys(): Promise<string[]> {
    return this.columnTexts('Key')
  }

  async openFilters() {
    const panel = this.page.locator('details.filter-panel')
    if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await panel.locator('summary').click()
    }
    return panel
  }

  async search(query: string) {
    await this.page.getByRole('searchbox', { name: 'Search problems and reasoning' }).fill(query)
  }

  searchStatus() {
    return this.page.getByTestId('search-status')
  }

  async openColumns() {
    const chooser = this.page.locator('details.column-chooser')
    if (!(await chooser.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await chooser.locator('summary').click()
    }
    return chooser
  }
}
