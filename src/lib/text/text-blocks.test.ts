import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { segmentSteps } from '../analysis/one-pass'
import { splitBlocks, splitSections } from './text-blocks'

const join = (text: string, chunkSize?: number) =>
  splitBlocks(text, chunkSize)
    .flatMap((b) => b.chunks.map((c) => text.slice(c.start, c.end)))
    .join('')

describe('splitBlocks', () => {
  it('makes one block per paragraph, keeping the blank lines with the paragraph before', () => {
    const text = 'First step.\n\nWait, second.\n \n\nThird'
    const blocks = splitBlocks(text).map((b) => text.slice(b.start, b.end))
    expect(blocks).toEqual(['First step.\n\n', 'Wait, second.\n \n\n', 'Third'])
  })

  it('keeps leading blank lines in the first block', () => {
    const text = '\n\nHello'
    expect(splitBlocks(text).map((b) => text.slice(b.start, b.end))).toEqual(['\n\nHello'])
  })

  it('numbers its blocks as the steps metric counts steps', () => {
    for (const text of ['\n\na\n\nb', 'a\n\n\n\nb\n', 'one\n \t\ntwo\n\n\nthree', ' \n\n ']) {
      const blocks = splitBlocks(text)
      const steps = segmentSteps(text)
      expect(blocks.filter((b) => b.step !== null).map((b) => b.step)).toEqual(
        steps.map((_, i) => i + 1),
      )
      blocks.forEach((b, i) => {
        if (b.step !== null) expect(b.start <= steps[i]!.start && steps[i]!.end <= b.end).toBe(true)
      })
    }
    expect(splitBlocks('\n\na\n\nb')).toHaveLength(2)
  })

  it('cuts a long paragraph into chunks at spaces', () => {
    const text = 'word '.repeat(1000)
    const [only] = splitBlocks(text, 100)
    expect(only!.chunks.length).toBeGreaterThan(10)
    for (const c of only!.chunks.slice(0, -1)) expect(text[c.end - 1]).toBe(' ')
  })

  it('never splits a surrogate pair, even without spaces', () => {
    const text = '🤔'.repeat(500)
    for (const b of splitBlocks(text, 101)) {
      for (const c of b.chunks) expect(text.slice(c.start, c.end)).not.toMatch(/^[\udc00-\udfff]/)
    }
  })

  it('gives the text back exactly, for any text', () => {
    const pieces = fc.constantFrom('a', ' ', '\n', '\n\n', '🤔', '思', 'Wait, ', '\r\n', '\t')
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 400 }),
        fc.integer({ min: 2, max: 50 }),
        (p, size) => {
          const text = p.join('')
          expect(join(text, size)).toBe(text)
        },
      ),
    )
  })
})

describe('splitSections', () => {
  it('groups whole blocks, in order, into sections of at least the given size', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Step ${i}: ${'x'.repeat(i * 7)}`).join(
      '\n\n',
    )
    const blocks = splitBlocks(text)
    const sections = splitSections(text, blocks, 200)
    expect(sections.flatMap((s) => s.blocks)).toEqual(blocks)
    sections.forEach((s, i) => {
      expect(s.start).toBe(s.blocks[0]!.start)
      expect(s.end).toBe(s.blocks.at(-1)!.end)
      if (i < sections.length - 1) {
        expect(s.end - s.start).toBeGreaterThanOrEqual(200)
        // Only the block that reached the size ends a section.
        expect(s.end - s.start - (s.blocks.at(-1)!.end - s.blocks.at(-1)!.start)).toBeLessThan(200)
      }
    })
    expect(sections.length).toBeGreaterThan(3)
  })

  it('estimates lines from line breaks and wrapping', () => {
    const text = 'short\n\n' + 'y'.repeat(250) + '\nend'
    const [only] = splitSections(text, splitBlocks(text), 4000, 100)
    // "short", a blank line, 250 characters in three lines, "end".
    expect(only!.lines).toBe(6)
  })

  it('makes no section of no text, and one of a text of white space', () => {
    expect(splitSections('', splitBlocks(''))).toEqual([])
    expect(splitSections(' \n\n ', splitBlocks(' \n\n '))).toHaveLength(1)
  })
})
