import { createServer, type Server } from 'node:http'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, OWN_FIXTURES, test } from './test'
import { DatasetsPage } from './pages/datasets-page'
import { storedCounts } from './stored'

/**
 * Issue #12, point 3: a crafted link never fetches by itself, never holds more than the limit
 * the user confirmed, can be cancelled, and only https (http on localhost) is accepted.
 * A local server on 127.0.0.1 plays the dataset host.
 */
const small = readFileSync(resolve(OWN_FIXTURES, 'flat-small.jsonl'))
let server: Server
let origin = ''
const requests: string[] = []
let endlessClosed = false

test.beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '')
    res.setHeader('Access-Control-Allow-Origin', '*')
    if (req.url === '/small.jsonl') {
      res.setHeader('Content-Length', small.length)
      res.end(small)
    } else if (req.url === '/huge.jsonl') {
      res.setHeader('Content-Length', String(3 * 1024 ** 3))
      res.flushHeaders()
      req.on('close', () => res.destroy())
    } else if (req.url === '/endless.jsonl') {
      // No Content-Length, and it never ends: only the limit or a cancel stops it.
      const line = Buffer.from(`${JSON.stringify({ reasoning: 'Wait. '.repeat(2000) })}\n`)
      const pump = () => {
        while (res.write(line));
      }
      res.on('drain', pump)
      res.on('close', () => (endlessClosed = true))
      pump()
    } else res.writeHead(404).end()
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const address = server.address()
  if (typeof address !== 'object' || !address) throw new Error('no server address')
  origin = `http://127.0.0.1:${address.port}`
})

test.afterAll(() => new Promise<void>((ok) => server.close(() => ok())))

const link = (url: string) => `./#/import?url=${encodeURIComponent(url)}`

test('a shared link asks first (host, limit), fetches nothing before, then imports', async ({
  page,
}) => {
  requests.length = 0
  await page.goto(link(`${origin}/small.jsonl`))
  const question = page.getByRole('form', { name: 'Download from a link?' })
  await expect(question).toContainText(`Download from ${new URL(origin).host}?`)
  await page.waitForTimeout(300)
  expect(requests).toEqual([])
  await question.getByRole('button', { name: 'Download' }).click()
  const datasets = new DatasetsPage(page)
  await expect(datasets.previewForm()).toBeVisible()
  expect(requests).toEqual(['/small.jsonl'])
  await datasets.previewForm().getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByText('Imported 6 traces from small.jsonl')).toBeVisible()
})

test('a body past the limit is stopped; a declared size past it is not downloaded', async ({
  page,
}) => {
  await page.goto(link(`${origin}/huge.jsonl`))
  const question = page.getByRole('form', { name: 'Download from a link?' })
  await question.getByRole('button', { name: 'Download' }).click()
  await expect(question.getByRole('alert')).toContainText('The server says the file is 3')
  await question.getByRole('button', { name: 'Cancel' }).click()

  await page.goto(link(`${origin}/endless.jsonl`))
  await question.getByLabel('Stop the download at').fill('2')
  await question.getByRole('button', { name: 'Download' }).click()
  await expect(question.getByRole('alert')).toContainText('The download stopped at the limit of 2')
  expect(await storedCounts(page)).toEqual({ datasets: 0, traces: 0, texts: 0 })
})

test('a download can be cancelled at once, and the connection is dropped', async ({ page }) => {
  endlessClosed = false
  await page.goto(link(`${origin}/endless.jsonl`))
  const question = page.getByRole('form', { name: 'Download from a link?' })
  await question.getByLabel('Stop the download at').fill('100000')
  await question.getByRole('button', { name: 'Download' }).click()
  await expect(page.getByText(/downloaded/)).toBeVisible()
  await page.getByRole('button', { name: 'Cancel download' }).click()
  await expect(page.getByText(/cancelled; nothing was kept/)).toBeVisible()
  await expect.poll(() => endlessClosed).toBe(true)
})

test('data:, plain http, and relative links are refused with a message naming them', async ({
  page,
}) => {
  const alert = page.getByRole('alert')
  await page.goto(link('data:application/json,{"reasoning":"forged"}'))
  await expect(alert).toContainText('data: links are refused')
  await page.goto(link('http://example.com/x.jsonl'))
  await expect(alert).toContainText('plain http:// is refused')
  await page.goto(link('datasets/x.jsonl'))
  await expect(alert).toContainText('"datasets/x.jsonl" is not a full URL')
  expect(await storedCounts(page)).toEqual({ datasets: 0, traces: 0, texts: 0 })
})

test('the preview server sends the CSP as a header, to the page and to the workers', async ({
  page,
  baseURL,
}) => {
  const response = await page.request.get(`${baseURL}/`)
  const csp = response.headers()['content-security-policy'] ?? ''
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toContain('data:,')
  expect(csp).toMatch(/connect-src 'self' https: http:\/\/localhost:\*/)
  expect(csp).not.toMatch(/connect-src[^;]*data:/)
  const built = readFileSync(resolve(import.meta.dirname, '../dist/_headers'), 'utf8')
  expect(built).toContain(`Content-Security-Policy: ${csp}`)
})
