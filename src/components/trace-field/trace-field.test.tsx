// @vitest-environment happy-dom
/**
 * TraceField as a component (testing-library): the reader's highlight layers over one stored
 * field: pivots per lexicon category, spans per label (only this field's, never a rejected or
 * orphaned one), the selected span apart, the search hits; each follows the layer toggles.
 */
import { act, cleanup, render } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { PIVOT_LEXICON } from '../../lib/analysis/lexicon-presets'
import { compileLexicon } from '../../lib/analysis/match-pivots'
import { analyseText } from '../../lib/analysis/metrics'
import { TAXONOMY_PRESETS } from '../../lib/analysis/taxonomy-presets'
import { highlighted, installFakeHighlights } from '../../testing/fake-highlights'
import { makeAnnotation } from '../../testing/make-rows'
import { useUiStore } from '../../stores/ui-store'
import type { TraceField as TraceFieldType } from './trace-field'

const registry = installFakeHighlights()
let TraceField: typeof TraceFieldType
beforeAll(async () => {
  ;({ TraceField } = await import('./trace-field'))
})
afterEach(cleanup)

const TEXT = '答案是 12。Wait, 😀 let me check: 7 + 5 = 12.\n\nActually the answer is 12 🧪.'
const taxonomy = TAXONOMY_PRESETS[0]!
const [first, second] = taxonomy.labels
const span = (quote: string, over = {}) => {
  const start = TEXT.indexOf(quote)
  return makeAnnotation('t1', { start, end: start + quote.length, quote, ...over })
}

function show(props: { annotations?: ReturnType<typeof span>[]; query?: string } = {}) {
  const { container } = render(
    <TraceField
      field="reasoning"
      title="Reasoning"
      text={TEXT}
      analysis={analyseText(TEXT, compileLexicon(PIVOT_LEXICON))}
      lexicon={PIVOT_LEXICON}
      annotations={props.annotations ?? []}
      taxonomy={taxonomy}
      query={props.query}
    />,
  )
  const prefix =
    container.querySelector<HTMLElement>('[data-highlight-prefix]')!.dataset.highlightPrefix!
  return (key: string) => highlighted(registry, `${prefix}-${key}`)
}

describe('TraceField layers', () => {
  it('draws pivots by category and spans by label, exact over emoji and CJK', () => {
    const wanted = span('😀 let me check', { label: first!.id })
    const layer = show({
      annotations: [
        wanted,
        span('答案是', { label: second!.id }),
        span('7 + 5', { label: second!.id, rejected: true }),
        span('12 🧪', { label: 'not-in-taxonomy' }),
        span('Actually', { label: first!.id, field: 'answer' }),
        { ...span('Wait'), quote: 'moved' }, // orphaned: its text is no longer there
      ],
    })
    expect(layer('pivot-realization')).toContain('Wait')
    const pivots = PIVOT_LEXICON.categories.flatMap((c) => layer(`pivot-${c.id}`))
    expect(pivots.sort()).toEqual(['Actually', 'Wait', 'let me check'])
    expect(layer(`span-${first!.id}`)).toEqual(['😀 let me check'])
    expect(layer(`span-${second!.id}`)).toEqual(['答案是'])
    expect(layer('span-other')).toEqual(['12 🧪'])
  })

  it('draws the selected span apart, and the search hits', () => {
    const chosen = span('7 + 5 = 12', { label: first!.id })
    useUiStore.setState({ selectedAnnotationId: chosen.id })
    const layer = show({ annotations: [chosen], query: '12' })
    expect(layer('span-selected')).toEqual(['7 + 5 = 12'])
    expect(layer(`span-${first!.id}`)).toEqual([])
    expect(layer('search')).toEqual(['12', '12', '12'])
    act(() => useUiStore.setState({ selectedAnnotationId: null }))
  })

  it('takes a layer away when it is toggled off, and back when on', () => {
    const layer = show({ annotations: [span('答案是', { label: first!.id })], query: '12' })
    expect(layer(`span-${first!.id}`)).toEqual(['答案是'])
    act(() => useUiStore.getState().toggleLayer('annotations'))
    expect(layer(`span-${first!.id}`)).toEqual([])
    act(() => useUiStore.getState().toggleLayer('pivots'))
    expect(layer('pivot-realization')).toEqual([])
    act(() => useUiStore.getState().toggleLayer('search'))
    expect(layer('search')).toEqual([])
    act(() => {
      for (const l of ['annotations', 'pivots', 'search'] as const)
        useUiStore.getState().toggleLayer(l)
    })
    expect(layer(`span-${first!.id}`)).toEqual(['答案是'])
    expect(layer('pivot-realization')).toContain('Wait')
    expect(layer('search')).toHaveLength(3)
  })
})
