import type { Download, Page } from '@playwright/test'
import { expect } from '@playwright/test'

export class DatasetsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('./#/')
    await expect(this.page.getByRole('heading', { name: 'Datasets', level: 1 })).toBeVisible()
  }

  fileInput() {
    return this.page.getByLabel('Choose a trace file to import')
  }

  /** Picks a file and waits for the import preview. */
  async previewFile(path: string) {
    await this.fileInput().setInputFiles(path)
    await expect(this.previewForm()).toBeVisible({ timeout: 30_000 })
  }

  previewForm() {
    return this.page.getByRole('form', { name: 'Import preview' })
  }

  /** Imports through the real file input and the preview, and waits until it has finished. */
  async importFile(path: string, expectedTraces?: number) {
    await this.previewFile(path)
    await this.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
    const done = this.page.getByText(/^Imported [\d,]+ traces from/)
    await expect(done).toBeVisible({ timeout: 30_000 })
    if (expectedTraces !== undefined) {
      await expect(done).toContainText(`Imported ${expectedTraces.toLocaleString('en-US')} traces`)
    }
    await this.page.getByRole('button', { name: 'OK' }).click()
  }

  row(name: string) {
    return this.page
      .getByTestId('dataset-row')
      .filter({ has: this.page.getByRole('link', { name }) })
  }

  async open(name: string) {
    await this.page.getByRole('link', { name, exact: true }).click()
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible()
  }

  async exportJsonl(name: string): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.page.getByRole('button', { name: `Export ${name} as Tracemark JSONL` }).click()
    return download
  }
}
