// Baseline 1: the whole text as one text node in a <pre>-like element, no highlights.
import '../page.css'
import { runBench } from '../runner.js'

runBench({
  tool: 'plain',
  version: 'n/a',
  async load(root, data) {
    const pre = document.createElement('pre')
    pre.className = 'trace'
    pre.textContent = data.text
    root.append(pre)
  },
  scrollElement: () => document.scrollingElement,
})
