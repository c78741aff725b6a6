import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * The Content Security Policy of the built app (DESIGN section 7): scripts only from the app's
 * own origin, so a trace full of HTML can never run anything. Added at build time only, because
 * the dev server injects inline scripts for hot reload. `connect-src https:` lets an import
 * fetch a dataset by URL.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https: blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'tracemark-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      ),
  }
}

export default defineConfig({
  // Relative asset paths, so the build runs from any static host or sub-path.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // `npm run bench` builds the bench pages too (bench/page), into dist-bench.
    rolldownOptions: process.env.TRACEMARK_BENCH
      ? {
          input: {
            main: resolve(import.meta.dirname, 'index.html'),
            bench: resolve(import.meta.dirname, 'bench/page/index.html'),
            // peer-bench pages (bench/peer): Tracemark's reader and the baselines, one run each
            'peer-tracemark': resolve(import.meta.dirname, 'bench/peer/tracemark.html'),
            'peer-highlight-api': resolve(import.meta.dirname, 'bench/peer/highlight-api.html'),
            'peer-plain': resolve(import.meta.dirname, 'bench/peer/plain.html'),
          },
        }
      : undefined,
  },
})
