import { useEffect, useRef, useState } from 'react'
import type { HighlightLayer } from '../../../components/highlighted-text/highlight-layer'
import { scrollToOffset } from '../../../components/highlighted-text/scroll-to-offset'
import type { TextRange } from '../../../components/trace-field/build-layers'
import { Minimap } from '../../../components/trace-field/minimap'
import { TraceField } from '../../../components/trace-field/trace-field'
import type { TextAnalysis } from '../../../lib/analysis/metrics'
import type { Lexicon, Taxonomy } from '../../../lib/traces/trace-model'
import { useUiStore } from '../../../stores/ui-store'
import type { DatasetLabel, PaneTrace } from '../use-compare-data'
import { PaneHeader } from './pane-header'

const NO_HITS: TextRange[] = []

export interface JumpRequest {
  offset: number
  /** Changes with every request, so a second click on the same tick jumps again. */
  seq: number
}

interface Props {
  index: number
  pane: PaneTrace
  label: DatasetLabel
  analysis: TextAnalysis | null
  lexicon: Lexicon
  taxonomy: Taxonomy
  /** The diff's marks over this pane's reasoning, when this pane is one side of it. */
  diffLayers: HighlightLayer[] | undefined
  focused: boolean
  onFocus: () => void
  scrollRef: (el: HTMLElement | null) => void
  onScroll: () => void
  /** This pane takes the lead of synchronised scrolling. */
  onLead: () => void
  jump: JumpRequest | null
}

/**
 * One trace of the comparison: its header, the reasoning with the reader's layers (and the
 * diff's), the minimap, and the answer and reference answer under it. Clicking or selecting in
 * a pane focuses it: the annotation keys then label the text selected there.
 */
export function ComparePane(props: Props) {
  const { index, pane, label, analysis, lexicon, taxonomy, focused, onFocus, onLead } = props
  const { scrollRef, onScroll, diffLayers, jump: jumpRequest } = props
  const { trace, texts, annotations } = pane
  const root = useRef<HTMLElement>(null)
  const visible = useUiStore((s) => s.layers)
  // A jump (timeline, minimap) scrolls this pane and marks the word there until the next click.
  const [target, setTarget] = useState<TextRange | null>(null)
  const jump = (offset: number) => {
    const container = root.current?.querySelector<HTMLElement>('[data-field="reasoning"]')
    if (container) scrollToOffset(container, offset)
    const word = /^\S{1,40}/.exec(texts.reasoning.slice(offset, offset + 40))
    setTarget({ start: offset, end: offset + Math.max(1, word?.[0].length ?? 1) })
  }
  const jumpSeq = jumpRequest?.seq
  const jumpOffset = jumpRequest?.offset
  const latestJump = useRef(jump)
  useEffect(() => {
    latestJump.current = jump
  })
  useEffect(() => {
    if (jumpOffset !== undefined) latestJump.current(jumpOffset)
  }, [jumpSeq, jumpOffset])
  const fieldProps = { lexicon, annotations, taxonomy }
  return (
    <article
      ref={root}
      className={`compare-pane${focused ? ' focused' : ''}`}
      data-testid="compare-pane"
      data-pane={index}
      aria-label={`Pane ${index + 1}: ${label.short}, trace ${trace.key}`}
      aria-current={focused ? 'true' : undefined}
      onPointerDown={() => {
        setTarget(null)
        onFocus()
      }}
      onFocus={onFocus}
    >
      <PaneHeader index={index} trace={trace} label={label} />
      <div className="compare-pane-body">
        <div
          className="compare-scroll"
          data-testid="compare-scroll"
          ref={scrollRef}
          onScroll={onScroll}
          onPointerDown={onLead}
          onWheel={onLead}
          onTouchStart={onLead}
          onKeyDown={onLead}
          onFocus={onLead}
          tabIndex={0}
        >
          <TraceField
            field="reasoning"
            title="Reasoning"
            text={texts.reasoning}
            analysis={analysis}
            target={target}
            extraLayers={diffLayers}
            {...fieldProps}
          />
        </div>
        <Minimap
          length={texts.reasoning.length}
          analysis={analysis}
          lexicon={lexicon}
          annotations={annotations}
          taxonomy={taxonomy}
          searchHits={NO_HITS}
          visible={visible}
          onJump={(offset) => {
            onLead()
            jump(offset)
          }}
        />
      </div>
      <footer className="compare-outcome">
        {texts.answer ? (
          <TraceField
            field="answer"
            title="Answer"
            text={texts.answer}
            analysis={null}
            {...fieldProps}
          />
        ) : (
          <p className="muted small">No answer apart from the reasoning.</p>
        )}
        <section className="trace-field compare-gold" aria-label="Reference answer">
          <h2>Reference answer</h2>
          {texts.gold ? <p className="gold">{texts.gold}</p> : <p className="muted small">none</p>}
        </section>
      </footer>
    </article>
  )
}
