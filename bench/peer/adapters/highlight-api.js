// Baseline 2: the text split into ~1,000-character chunks (inline <span>s, so the layout is
// identical to the plain page), spans painted with the CSS Custom Highlight API: one
// Highlight per label, one StaticRange-free live Range per span.
import '../page.css'
import { runBench } from '../runner.js'

const CHUNK = 1000
let starts = [] // chunk start offsets
let nodes = [] // chunk text nodes
const highlights = new Map()
const ranges = new Map() // span id -> Range

function chunkIndex(offset) {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

function toRange(start, end) {
  const a = chunkIndex(start)
  const b = chunkIndex(Math.max(start, end - 1))
  const r = new Range()
  r.setStart(nodes[a], start - starts[a])
  r.setEnd(nodes[b], end - starts[b])
  return r
}

function highlightFor(label) {
  let h = highlights.get(label)
  if (!h) {
    h = new Highlight()
    highlights.set(label, h)
    CSS.highlights.set(`lbl-${label}`, h)
  }
  return h
}

runBench({
  tool: 'highlight-api',
  version: `chunk=${CHUNK}`,
  async load(root, data) {
    const { text } = data
    const container = document.createElement('div')
    container.className = 'trace'
    const frag = document.createDocumentFragment()
    let i = 0
    while (i < text.length) {
      let j = Math.min(text.length, i + CHUNK)
      while (j < text.length && !/\s/.test(text[j - 1])) j++ // end chunks after whitespace
      const span = document.createElement('span')
      const node = document.createTextNode(text.slice(i, j))
      span.append(node)
      frag.append(span)
      starts.push(i)
      nodes.push(node)
      i = j
    }
    container.append(frag)
    root.append(container)
    for (const sp of data.spans) {
      const r = toRange(sp.start, sp.end)
      ranges.set(sp.id, r)
      highlightFor(sp.label).add(r)
    }
    let registered = 0
    for (const [, h] of CSS.highlights) registered += h.size
    if (registered !== data.spans.length)
      throw new Error(`registered ${registered} of ${data.spans.length} ranges`)
  },
  highlightElements: () => 0,
  verify(data, spans) {
    let ok = 0
    for (const sp of spans)
      if (ranges.get(sp.id)?.toString() === data.text.slice(sp.start, sp.end)) ok++
    return { checked: spans.length, ok, how: 'Range.toString() equals the expected quote' }
  },
  scrollElement: () => document.scrollingElement,
  async addSpan(span) {
    const r = toRange(span.start, span.end)
    ranges.set(span.id, r)
    highlightFor(span.label).add(r)
    return 'Highlight.add(range)'
  },
})
