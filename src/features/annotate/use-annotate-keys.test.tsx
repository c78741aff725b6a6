// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { compileLexicon } from '../../lib/analysis/match-pivots'
import { analyseText, type TextAnalysis } from '../../lib/analysis/metrics'
import { PIVOT_LEXICON } from '../../lib/analysis/lexicon-presets'
import { TAXONOMY_PRESETS } from '../../lib/analysis/taxonomy-presets'
import type { Annotation, TraceTexts } from '../../lib/traces/trace-model'
import { useCursorStore } from '../../stores/cursor-store'
import { useUiStore } from '../../stores/ui-store'
import { useAnnotateKeys, type AnnotateKeysOptions } from './use-annotate-keys'

const reasoning = 'First we add. Wait, that is wrong. Let me check.'
const texts = { traceId: 't1', reasoning, problem: '', answer: '' } as TraceTexts
const analysis = analyseText(reasoning, compileLexicon(PIVOT_LEXICON))

function options(a: TextAnalysis | null, said: string[]): AnnotateKeysOptions {
  return {
    root: { current: null },
    texts,
    analysis: a,
    annotations: [],
    taxonomy: TAXONOMY_PRESETS.find((t) => t.id === 'sos')!,
    withAnnotator: () => undefined,
    onMessage: (m) => said.push(m),
  }
}

const press = (key: string) =>
  act(() => {
    dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true }))
  })

afterEach(() => {
  cleanup()
  useCursorStore.getState().reset()
  useUiStore.getState().selectAnnotation(null)
})

describe('useAnnotateKeys', () => {
  it('keeps moves pressed before the analysis is in, and runs them in order once it is', async () => {
    vi.useFakeTimers()
    try {
      const said: string[] = []
      const { rerender } = renderHook((o: AnnotateKeysOptions) => useAnnotateKeys(o), {
        initialProps: options(null, said),
      })
      press('j')
      press('j')
      expect(said).toEqual([
        'Reading the text’s sentences and steps: the cursor moves in a moment.',
      ])
      expect(useCursorStore.getState().byTrace.t1).toBeUndefined()
      rerender(options(analysis, said))
      await act(() => vi.runAllTimersAsync())
      // Two sentence moves: the cursor is on the second sentence.
      expect(useCursorStore.getState().byTrace.t1?.head).toEqual(analysis.sentences[1])
    } finally {
      vi.useRealTimers()
    }
  })

  it('holds keys that read the spans while those are behind the trace’s; moves go at once', async () => {
    vi.useFakeTimers()
    try {
      const said: string[] = []
      const { start, end } = analysis.sentences[1]!
      const made = [
        {
          id: 'new',
          field: 'reasoning',
          start,
          end,
          quote: reasoning.slice(start, end),
          label: 'x',
          rejected: false,
        },
      ] as unknown as Annotation[]
      const behind = { ...options(analysis, said), spansNow: () => made }
      const { rerender } = renderHook((o: AnnotateKeysOptions) => useAnnotateKeys(o), {
        initialProps: behind,
      })
      // A sentence move reads no span: it goes at once.
      press('j')
      expect(useCursorStore.getState().byTrace.t1?.head).toEqual(analysis.sentences[0])
      // The next span: held until the rows the keys read have caught up.
      press('.')
      await act(() => vi.runAllTimersAsync())
      expect(useUiStore.getState().selectedAnnotationId).toBeNull()
      rerender({ ...behind, annotations: made })
      await act(() => vi.runAllTimersAsync())
      expect(useUiStore.getState().selectedAnnotationId).toBe('new')
      expect(said).toEqual([])
    } finally {
      vi.useRealTimers()
    }
  })
})
