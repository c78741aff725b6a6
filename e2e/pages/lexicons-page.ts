import type { Download, Page } from '@playwright/test'
import { expect } from '@playwright/test'

export class LexiconsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Lexicons' })
      .click()
    await expect(this.page.getByRole('heading', { name: 'Lexicons', level: 1 })).toBeVisible()
  }

  row(name: string) {
    return this.page.getByTestId('lexicon-row').filter({ hasText: name })
  }

  editor() {
    return this.page.getByRole('region', { name: /^Edit / })
  }

  /** Waits until no recompute runs and every trace has the active lexicon's metrics. */
  async expectMetricsCurrent() {
    await expect(
      this.page.getByText(/^All [\d,]+ traces have metrics of the active lexicon/),
    ).toBeVisible({
      timeout: 30_000,
    })
  }

  async exportPatterns(name: string): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.page.getByRole('button', { name: `Export ${name} as patterns JSONL` }).click()
    return download
  }
}
