/**
 * Tracemark's own lint rules: the house's floors that the stock rules cannot say.
 * - `no-cross-feature`: a file under src/features/<f>/ imports nothing of another feature
 *   (app/ wires features together; shared pieces live in src/components or src/data).
 * - `no-cycle`: no import cycle among the project's modules. The graph is read once per lint
 *   run with a cheap scan of the import lines of src/ (no type information, so it stays fast).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx']
const IMPORT_RE =
  /^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm

function resolveImport(fromFile, spec) {
  const base = resolve(dirname(fromFile), spec.split('?')[0])
  if (/\.(ts|tsx)$/.test(base) && existsSync(base)) return base
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext
  return null
}

function featureOf(file) {
  const parts = file.split(sep)
  const i = parts.lastIndexOf('features')
  return i >= 0 && parts[i - 1] === 'src' ? parts[i + 1] : null
}

const noCrossFeature = {
  meta: {
    type: 'problem',
    docs: { description: 'a feature imports nothing of another feature' },
    schema: [],
  },
  create(context) {
    const file = context.filename
    const own = featureOf(file)
    if (own === null) return {}
    const check = (node) => {
      const spec = node.source?.value
      if (typeof spec !== 'string' || !spec.startsWith('.')) return
      const target = resolve(dirname(file), spec)
      const other = featureOf(target + sep + 'x')
      if (other !== null && other !== own) {
        context.report({
          node: node.source,
          message: `features/${own} must not import features/${other}: wire them in src/app, or move the shared piece to src/components or src/data`,
        })
      }
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check }
  },
}

/** The project's import graph (value and type imports alike), built once per process. */
let graph = null
function importGraph(root) {
  if (graph !== null) return graph
  graph = new Map()
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) {
        const text = readFileSync(path, 'utf8')
        const edges = new Set()
        for (const m of text.matchAll(IMPORT_RE)) {
          if (m[1]) continue // `import type` is erased: it cannot make a load-order cycle
          const target = resolveImport(path, m[2])
          if (target !== null) edges.add(target)
        }
        graph.set(path, edges)
      }
    }
  }
  walk(root)
  return graph
}

/** A path from `from` back to `to`, or null. */
function pathBack(g, from, to) {
  const seen = new Set()
  const stack = [[from, [from]]]
  while (stack.length > 0) {
    const [node, path] = stack.pop()
    if (node === to) return path
    if (seen.has(node)) continue
    seen.add(node)
    for (const next of g.get(node) ?? []) stack.push([next, [...path, next]])
  }
  return null
}

const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'no import cycle among the modules of src/' },
    schema: [],
  },
  create(context) {
    const file = context.filename
    const src = file.slice(0, file.lastIndexOf(`${sep}src${sep}`) + 4)
    if (!file.includes(`${sep}src${sep}`) || /\.test\.tsx?$/.test(file)) return {}
    const g = importGraph(src)
    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type') return
        const spec = node.source.value
        if (typeof spec !== 'string' || !spec.startsWith('.')) return
        const target = resolveImport(file, spec)
        if (target === null) return
        const back = pathBack(g, target, file)
        if (back !== null) {
          const shown = back.map((p) => relative(src, p)).join(' → ')
          context.report({
            node: node.source,
            message: `import cycle: ${relative(src, file)} → ${shown}`,
          })
        }
      },
    }
  },
}

export default { rules: { 'no-cross-feature': noCrossFeature, 'no-cycle': noCycle } }
