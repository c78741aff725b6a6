// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { splitBlocks, splitSections } from '../../lib/text/text-blocks'
import type { HighlightLayer, HighlightMark } from './highlight-layer'
import { HighlightPainter } from './highlight-painter'
import { chunkAtY, chunkSections, chunksInBand } from './viewport'

class FakeHighlight extends Set<Range> {
  priority = 0
}

/** Renders `text` as HighlightedText does: sections of blocks, one span per chunk. */
function render(text: string, chunkSize: number, sectionChars = 100): HTMLElement {
  const root = document.createElement('div')
  for (const s of splitSections(text, splitBlocks(text, chunkSize), sectionChars)) {
    const section = document.createElement('div')
    section.className = 'text-section'
    for (const b of s.blocks) {
      const block = document.createElement('div')
      for (const c of b.chunks) {
        const span = document.createElement('span')
        span.dataset.start = String(c.start)
        span.textContent = text.slice(c.start, c.end)
        block.append(span)
      }
      section.append(block)
    }
    root.append(section)
  }
  document.body.replaceChildren(root)
  return root
}

function setup(text: string, chunkSize = 20) {
  const root = render(text, chunkSize)
  const registry = new Map<string, FakeHighlight>()
  const sets: string[] = []
  const rules: string[] = []
  const painter = new HighlightPainter(root, 'tm', {
    registry: {
      set: (name, h) => {
        sets.push(name)
        registry.set(name, h as unknown as FakeHighlight)
      },
      delete: (name) => registry.delete(name),
    },
    makeHighlight: () => new FakeHighlight() as unknown as Highlight,
    installRules: (css) => {
      rules.push(css)
      return () => undefined
    },
  })
  const texts = (name: string) => [...(registry.get(`tm-${name}`) ?? [])].map((r) => r.toString())
  return { root, painter, registry, sets, rules, texts }
}

const layer = (key: string, ranges: readonly HighlightMark[], color = '#fde68a') =>
  ({ key, color, style: 'fill', priority: 1, ranges }) as HighlightLayer

// Ten paragraphs of about 48 characters: each a block of two or three 20-character chunks.
const TEXT = Array.from(
  { length: 10 },
  (_, i) => `Paragraph ${i}: wait, let me check this once more.`,
).join('\n\n')
const waits = [...TEXT.matchAll(/wait/g)].map((m) => ({ start: m.index, end: m.index + 4 }))

describe('HighlightPainter', () => {
  beforeEach(() => document.body.replaceChildren())

  it('creates ranges only for painted chunks, and the rest when they are painted', () => {
    const { painter, texts } = setup(TEXT)
    painter.setLayers([layer('pivot', waits)])
    expect(texts('pivot')).toEqual([])
    const firstBlockEnd = TEXT.indexOf('\n\n')
    painter.paintChunks(0, painter.chunkAt(firstBlockEnd) + 1)
    expect(texts('pivot')).toEqual(['wait'])
    expect(painter.created).toBe(1)
    painter.paintAll()
    expect(texts('pivot')).toHaveLength(10)
    expect(texts('pivot').every((t) => t === 'wait')).toBe(true)
  })

  it('makes the marks of a layer without ids only as their chunks are painted', () => {
    const { painter, texts } = setup(TEXT)
    // A mark across a chunk seam, and one long mark, beside the ten short ones.
    const seam = painter.chunkAt(40)
    const seamStart =
      Number(document.querySelectorAll<HTMLElement>('[data-start]')[seam + 1]!.dataset.start) - 3
    const marks = [...waits, { start: seamStart, end: seamStart + 6 }, { start: 1, end: 300 }]
    marks.sort((a, b) => a.start - b.start)
    painter.setLayers([layer('pivot', marks)])
    expect(painter.made).toBe(0)
    // Only the chunk after the seam: its marks, and those that start before it and reach in.
    const chunks = document.querySelectorAll<HTMLElement>('[data-start]')
    const from = Number(chunks[seam + 1]!.dataset.start)
    const to = Number(chunks[seam + 2]!.dataset.start)
    painter.paintChunks(seam + 1, seam + 2)
    const touching = marks.filter((m) => m.start < to && m.end > from)
    expect(touching.length).toBeGreaterThanOrEqual(2)
    expect(texts('pivot').sort()).toEqual(touching.map((m) => TEXT.slice(m.start, m.end)).sort())
    expect(painter.made).toBe(touching.length)
    painter.paintAll()
    expect(texts('pivot').sort()).toEqual(marks.map((m) => TEXT.slice(m.start, m.end)).sort())
    expect(painter.created).toBe(marks.length)
  })

  it('diffs a deferred layer that changes before all of it is painted', () => {
    const { painter, texts } = setup(TEXT)
    painter.setLayers([layer('pivot', waits)])
    painter.paintChunks(0, 2)
    const next = [...waits.slice(0, 4), ...waits.slice(5)]
    painter.setLayers([layer('pivot', next)])
    painter.paintAll()
    expect(texts('pivot')).toHaveLength(9)
    // The same marks in a new array: nothing is made again.
    const created = painter.created
    painter.setLayers([
      layer(
        'pivot',
        next.map((m) => ({ ...m })),
      ),
    ])
    painter.paintAll()
    expect(painter.created).toBe(created)
  })

  it('makes marks out of reading order, or with ids, at once', () => {
    for (const marks of [[...waits].reverse(), waits.map((w, i) => ({ ...w, id: `s${i}` }))]) {
      const { painter, texts } = setup(TEXT)
      painter.setLayers([layer('x', marks)])
      expect(painter.made).toBe(10)
      painter.paintAll()
      expect(texts('x')).toHaveLength(10)
    }
  })

  it('adds one span without touching the other ranges or registering the layer again', () => {
    const { painter, registry, sets, texts } = setup(TEXT)
    painter.paintAll()
    const spans = waits.map((w, i) => ({ ...w, id: `a${i}` }))
    painter.setLayers([layer('pivot', waits), layer('span-x', spans)])
    const before = [...registry.get('tm-span-x')!]
    const pivotsBefore = registry.get('tm-pivot')!
    const created = painter.created
    const check = TEXT.indexOf('check')
    const more = [...spans, { start: check, end: check + 5, id: 'new' }]
    painter.setLayers([layer('pivot', waits), layer('span-x', more)])
    expect(painter.created).toBe(created + 1)
    const after = [...registry.get('tm-span-x')!]
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after).toHaveLength(before.length + 1)
    expect(texts('span-x').at(-1)).toBe('check')
    expect(registry.get('tm-pivot')).toBe(pivotsBefore)
    expect(sets).toEqual(['tm-pivot', 'tm-span-x'])
  })

  it('removes a mark, moves one whose offsets changed, and drops layers no longer given', () => {
    const { painter, registry, texts } = setup(TEXT)
    painter.paintAll()
    const a = { start: 0, end: 9, id: 'a' }
    const b = { start: 13, end: 17, id: 'b' }
    painter.setLayers([layer('span-x', [a, b]), layer('backtrack', waits)])
    painter.setLayers([layer('span-x', [{ ...a, end: 4 }]), layer('backtrack', waits)])
    expect(texts('span-x')).toEqual(['Para'])
    painter.setLayers([layer('span-x', [])])
    expect(texts('span-x')).toEqual([])
    expect(registry.has('tm-backtrack')).toBe(false)
  })

  it('diffs a change in the middle of a layer of spans as the whole layer would be', () => {
    const { painter, registry, texts } = setup(TEXT)
    painter.paintAll()
    const spans = waits.map((w, i) => ({ ...w, id: `a${i}` }))
    painter.setLayers([layer('span-x', spans)])
    const kept = registry.get('tm-span-x')!
    const first = [...kept][0]
    const check = TEXT.indexOf('check')
    // One added in the middle, one removed, one moved (a new object with the same id).
    const next = [...spans]
    next.splice(3, 1, { start: check, end: check + 5, id: 'new' })
    next.splice(6, 1, { ...spans[6]!, end: spans[6]!.end - 1 })
    painter.setLayers([layer('span-x', next)])
    expect(texts('span-x').sort()).toEqual(next.map((m) => TEXT.slice(m.start, m.end)).sort())
    expect(registry.get('tm-span-x')).toBe(kept)
    expect([...kept][0]).toBe(first)
    // Marks without ids (pivots may share offsets) take the full diff: the same result.
    painter.setLayers([layer('pivot', waits)])
    painter.setLayers([layer('pivot', [...waits.slice(0, 2), ...waits.slice(3)])])
    expect(texts('pivot')).toHaveLength(waits.length - 1)
  })

  it('marks a range across chunk and block seams once, painted from any chunk it touches', () => {
    const { painter, texts } = setup(TEXT)
    const start = TEXT.indexOf('check')
    const end = TEXT.indexOf('wait', start)
    painter.setLayers([layer('span-long', [{ start, end, id: 'long' }])])
    // Paint only the chunk holding the span's end: the whole range appears.
    painter.paintChunks(painter.chunkAt(end - 1), painter.chunkAt(end - 1) + 1)
    expect(texts('span-long')).toEqual([TEXT.slice(start, end)])
    painter.paintAll()
    expect(texts('span-long')).toHaveLength(1)
  })

  it('keeps offsets exact after emoji and in CJK text', () => {
    const text = '🤔 Let me think. 𝑥 = 2, wait.\n\n答案是让我再检查一下。Wait 好的。'
    const { painter, texts } = setup(text, 8)
    const wait = text.indexOf('wait')
    const cjk = text.indexOf('让我再检查一下')
    painter.setLayers([
      layer('span-a', [
        { start: wait, end: wait + 4, id: 'w' },
        { start: cjk, end: cjk + 7, id: 'c' },
      ]),
    ])
    painter.paintAll()
    expect(texts('span-a')).toEqual(['wait', '让我再检查一下'])
  })

  it('writes one rule per layer and rewrites the rules only when a layer changes look', () => {
    const { painter, rules } = setup(TEXT)
    painter.setLayers([layer('pivot', waits)])
    painter.setLayers([layer('pivot', waits)])
    expect(rules).toHaveLength(1)
    expect(rules[0]).toContain('::highlight(tm-pivot)')
    painter.setLayers([layer('pivot', waits, '#bbf7d0')])
    expect(rules).toHaveLength(2)
  })

  it('installs reserved rules with the first layers, so a layer appearing later adds no sheet', () => {
    const { painter, rules, registry } = setup(TEXT)
    painter.reserve([{ key: 'span-selected', color: '#fde047', style: 'strong' }])
    painter.setLayers([layer('pivot', waits)])
    expect(rules).toHaveLength(1)
    expect(rules[0]).toContain('::highlight(tm-span-selected)')
    expect(registry.has('tm-span-selected')).toBe(false)
    painter.setLayers([
      layer('pivot', waits),
      { ...layer('span-selected', [waits[0]!], '#fde047'), style: 'strong' },
    ])
    painter.setLayers([layer('pivot', waits)])
    expect(rules).toHaveLength(1)
    expect(registry.has('tm-span-selected')).toBe(false)
  })

  it('unregisters everything on dispose', () => {
    const { painter, registry } = setup(TEXT)
    painter.setLayers([layer('pivot', waits), layer('span-x', [])])
    painter.dispose()
    expect(registry.size).toBe(0)
  })
})

describe('chunkSections', () => {
  it('groups chunks by section, with the chunk count last', () => {
    const root = render(TEXT, 20)
    const layout = chunkSections(root)
    expect(layout.sections).toHaveLength(splitSections(TEXT, splitBlocks(TEXT, 20), 100).length)
    expect(layout.sections.length).toBeGreaterThan(2)
    expect(layout.sections.every((s) => s.className === 'text-section')).toBe(true)
    expect(layout.firstChunk[0]).toBe(0)
    expect(layout.firstChunk.at(-1)).toBe(layout.chunks.length)
    layout.sections.forEach((section, i) => {
      const own = layout.chunks.slice(layout.firstChunk[i], layout.firstChunk[i + 1])
      expect(own.every((c) => section.contains(c))).toBe(true)
    })
  })
})

describe('chunksInBand', () => {
  it('takes the sections that meet the band whole, reading no chunk box', () => {
    const layout = chunkSections(render(TEXT, 20))
    layout.sections.forEach((section, i) => {
      section.getBoundingClientRect = () => new DOMRect(0, i * 100, 500, 100)
    })
    const chunkBox = vi.fn(() => new DOMRect())
    for (const chunk of layout.chunks) chunk.getBoundingClientRect = chunkBox
    const { firstChunk } = layout
    expect(chunksInBand(layout, { top: 150, bottom: 320 })).toEqual([firstChunk[1], firstChunk[4]])
    expect(chunksInBand(layout, { top: -50, bottom: 20 })).toEqual([0, firstChunk[1]])
    expect(chunksInBand(layout, { top: 600, bottom: 900 })).toEqual([0, 0])
    expect(chunkBox).not.toHaveBeenCalled()
  })
})

describe('chunkAtY', () => {
  it('finds the chunk at a height of the screen through its section', () => {
    const layout = chunkSections(render(TEXT, 20))
    const { sections, firstChunk, chunks } = layout
    sections.forEach((section, i) => {
      section.getBoundingClientRect = () => new DOMRect(0, i * 100, 500, 100)
      const own = chunks.slice(firstChunk[i], firstChunk[i + 1])
      own.forEach((chunk, k) => {
        const h = 100 / own.length
        chunk.getBoundingClientRect = () => new DOMRect(0, i * 100 + k * h, 500, h)
      })
    })
    const inSecond = chunks.slice(firstChunk[1], firstChunk[2])
    expect(chunkAtY(layout, 100)).toBe(inSecond[0])
    expect(chunkAtY(layout, 199)).toBe(inSecond.at(-1))
    expect(chunkAtY(layout, -40)).toBe(chunks[0])
    expect(chunkAtY(layout, sections.length * 100 + 1)).toBeUndefined()
  })
})
