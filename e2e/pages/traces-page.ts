import type { Page } from '@playwright/test'

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
}
