/** Builds and serves the app for the bench (`vite preview`, which also sends the CSP header). */
import { execSync, spawn } from 'node:child_process'

/** `vite build` into `outDir`; `bench` adds the bench pages (TRACEMARK_BENCH). */
export function build(outDir, { bench = false } = {}) {
  execSync(`npx vite build --outDir ${outDir} --emptyOutDir`, {
    stdio: bench ? 'inherit' : 'ignore',
    env: { ...process.env, ...(bench ? { TRACEMARK_BENCH: '1' } : {}) },
  })
}

/** Serves `outDir` on 127.0.0.1:`port` until `stop()` (also at exit). */
export async function serve(outDir, port) {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port)].concat(
      '--strictPort',
    ),
    { stdio: ['pipe', 'ignore', 'inherit'], detached: true },
  )
  const stop = () => {
    try {
      process.kill(-server.pid)
    } catch {
      /* already gone */
    }
  }
  process.on('exit', stop)
  const url = `http://127.0.0.1:${port}`
  await waitForServer(url)
  return { url, stop }
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch (e) {
      if (i === 99) console.error(e.cause ?? e)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`the preview server did not start at ${url}`)
}
