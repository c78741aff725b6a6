import { describe, expect, it } from 'vitest'
import type { Annotation, Taxonomy } from '../../lib/traces/trace-model'
import { anchorCheck, drawnSpans, keepSameLayers, spanLayers } from './build-layers'

const TEXT = 'Wait, let me check that again. Hmm, so the answer is 42.'

const span = (
  id: string,
  start: number,
  end: number,
  label: string,
  quote?: string,
): Annotation => ({
  id,
  traceId: 't',
  field: 'reasoning',
  start,
  end,
  quote: quote ?? TEXT.slice(start, end),
  label,
  note: '',
  annotator: 'ann',
  origin: 'manual',
  rejected: false,
  createdAt: 0,
  updatedAt: 0,
})

const taxonomy: Taxonomy = {
  id: 'tx',
  name: 'Test',
  labels: [
    { id: 'a', name: 'A', color: '#111111', shortcut: '1' },
    { id: 'b', name: 'B', color: '#222222', shortcut: '2' },
  ],
} as Taxonomy

describe('anchorCheck and drawnSpans', () => {
  it('draws anchored spans of the field only, and checks each span once', () => {
    const spans = [
      span('1', 0, 4, 'a'),
      span('2', 6, 9, 'b', 'not the text'),
      span('3', 31, 34, 'a'),
    ]
    let checks = 0
    const check = anchorCheck(TEXT)
    const counted = (a: Annotation) => {
      checks++
      return check(a)
    }
    expect(drawnSpans(spans, 'reasoning', counted).map((a) => a.id)).toEqual(['1', '3'])
    expect(drawnSpans(spans, 'answer', counted)).toEqual([])
    // The cache answers a span it has seen; a changed span is a new object, checked again.
    const moved = { ...spans[0]!, start: 1 }
    expect(check(spans[1]!)).toBe(false)
    expect(check(moved)).toBe(false)
    expect(checks).toBe(3)
  })
})

describe('keepSameLayers', () => {
  it('hands back the layers whose spans and look did not change, and only those', () => {
    const keep = keepSameLayers()
    const spans = [span('1', 0, 4, 'a'), span('2', 6, 9, 'b'), span('3', 31, 34, 'a')]
    const args = { taxonomy, visible: true, selectedId: null }
    const first = keep(spanLayers({ ...args, annotations: spans }))
    expect(first.map((l) => l.key)).toEqual(['span-a', 'span-b'])
    // A new span of label b: layer a is the same object (the painter skips it), b is new.
    const added = [...spans, span('4', 36, 40, 'b')]
    const second = keep(spanLayers({ ...args, annotations: added }))
    expect(second[0]).toBe(first[0])
    expect(second[1]).not.toBe(first[1])
    expect(second[1]!.ranges.map((r) => (r as Annotation).id)).toEqual(['2', '4'])
    // Selecting a span takes it out of its label's layer into a layer of its own.
    const third = keep(spanLayers({ ...args, annotations: added, selectedId: '1' }))
    expect(third[0]).not.toBe(second[0])
    expect(third[1]).toBe(second[1])
    expect(third.map((l) => l.key)).toEqual(['span-a', 'span-b', 'span-selected'])
    // A label's new colour is a new layer, though its spans are the same.
    const recoloured = {
      ...taxonomy,
      labels: [{ ...taxonomy.labels[0]!, color: '#333333' }, taxonomy.labels[1]!],
    }
    const fourth = keep(
      spanLayers({ ...args, taxonomy: recoloured, annotations: added, selectedId: '1' }),
    )
    expect(fourth[0]).not.toBe(third[0])
    expect(fourth[0]!.color).toBe('#333333')
    expect(fourth[1]).toBe(third[1])
  })
})
