import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * The Content Security Policy of the built app (DESIGN section 7): scripts only from the app's
 * own origin, so a trace full of HTML can never run anything. `connect-src`: a URL import may
 * fetch `https:` anywhere and `http:` on localhost only, never `data:` (issue #12).
 * Sent three ways: a meta tag in index.html (any static host), a header from `vite preview`,
 * and `_headers` in the build (Netlify / Cloudflare Pages). Only a header covers the workers
 * (a worker takes the policy of its own script's response, not the page's meta tag).
 * Not in the dev server, which injects inline scripts for hot reload.
 */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  // WebAssembly only (the decompressors), never JavaScript eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:* blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
]
const CSP = CSP_DIRECTIVES.join('; ')
/** Header only: `frame-ancestors` is ignored in a meta tag. */
const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'tracemark-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      ),
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: '_headers',
        source: `/*\n  Content-Security-Policy: ${CSP_HEADER}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n`,
      })
    },
  }
}

/** `vite preview` (and so the e2e suite) sends the policy as a header on every response. */
function previewSecurityHeaders(): Plugin {
  return {
    name: 'tracemark-preview-headers',
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', CSP_HEADER)
        res.setHeader('X-Content-Type-Options', 'nosniff')
        res.setHeader('Referrer-Policy', 'no-referrer')
        next()
      })
    },
  }
}

export default defineConfig({
  // Relative asset paths, so the build runs from any static host or sub-path.
  base: './',
  plugins: [react(), contentSecurityPolicy(), previewSecurityHeaders()],
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
