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

  /** A row of the summary: a dataset and a group of its split (`all`, `correct`, `truncated`…). */
  summaryRow(dataset: string, split = 'all') {
    return this.page.locator(
      `[data-testid="stats-summary"] tr[data-dataset="${dataset}"][data-split="${split}"]`,
    )
  }

  /** A figure of the summary, without its interval. */
  async figure(dataset: string, metric: string, split = 'all'): Promise<number> {
    const cell = this.summaryRow(dataset, split).locator(`[data-metric="${metric}"]`)
    const value = cell.locator('[data-value]')
    return Number(await ((await value.count()) > 0 ? value : cell).textContent())
  }

  /** Mean pivots per 1,000 words of a dataset, as the summary table shows it. */
  meanDensity(dataset: string, split = 'all'): Promise<number> {
    return this.figure(dataset, 'mean-pivots-per-1k', split)
  }

  async splitBy(label: string) {
    await this.page.getByRole('combobox', { name: 'Split by' }).selectOption({ label })
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
