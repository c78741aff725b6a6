/**
 * First-screen JavaScript (issue #14): the app as users get it (a plain production build in
 * dist-bundle: the bench pages' extra entries split the shared code into more, smaller chunks)
 * is served on the next port, and its first screen (`#/`, the Datasets page) is loaded in a
 * fresh profile, and every script it fetched until the network was idle is gzipped (level 9,
 * from the built files) and summed. Routes beyond the first screen are loaded on demand, so their
 * chunks do not count; workers start only when used. Target: < 130 kB.
 */
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { withFreshProfile } from '../browser.mjs'
import { build, serve } from '../serve.mjs'

const KB = 1000

export default {
  name: 'bundle',
  async run({ baseURL, outDir = 'dist-bundle' }) {
    build(outDir)
    const server = await serve(outDir, Number(new URL(baseURL).port) + 1)
    const scripts = await withFreshProfile(async ({ page }) => {
      const urls = new Set()
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script' || r.url().endsWith('.js')) urls.add(r.url())
      })
      await page.goto(`${server.url}/#/`, { waitUntil: 'networkidle' })
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      return [...urls]
    }).finally(server.stop)
    let raw = 0
    let gzip = 0
    const files = []
    for (const url of scripts) {
      const path = new URL(url).pathname
      const bytes = readFileSync(`${outDir}${path}`)
      const gz = gzipSync(bytes, { level: 9 }).length
      raw += bytes.length
      gzip += gz
      files.push(`${path.replace(/^\/assets\//, '')} ${(gz / KB).toFixed(1)} kB`)
    }
    console.log(`  first screen loads: ${files.join(', ')}`)
    return [
      { name: 'bundle/main-gzip-kb', value: gzip / KB, unit: 'kB' },
      { name: 'bundle/main-raw-kb', value: raw / KB, unit: 'kB' },
      { name: 'bundle/first-screen-scripts', value: scripts.length, unit: 'files' },
    ]
  },
}
