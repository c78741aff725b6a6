import type { Download, Page } from '@playwright/test'
import { expect } from '@playwright/test'

export class StatsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Stats' })
      .click()
    await expect(this.page.getByRole('heading', { name: 'Statistics', level: 1 })).toBeVisible()
  }

  summaryRow(dataset: string, correctness = 'all') {
    return this.page.locator(
      `[data-testid="stats-summary"] tr[data-dataset="${dataset}"][data-correctness="${correctness}"]`,
    )
  }

  /** Mean pivots per 1,000 words of a dataset, as the summary table shows it. */
  async meanDensity(dataset: string, correctness = 'all'): Promise<number> {
    const cell = this.summaryRow(dataset, correctness).locator('[data-metric="mean-pivots-per-1k"]')
    return Number(await cell.textContent())
  }

  chart(id: string) {
    return this.page.getByTestId(`chart-${id}`)
  }

  async download(name: RegExp | string): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.page.getByRole('button', { name }).click()
    return download
  }
}
