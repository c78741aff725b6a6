import { memo, useId, useLayoutEffect, useMemo, useRef } from 'react'
import { indexChunks, keepChunkIndex } from './dom-offsets'
import { splitBlocks, splitSections } from '../../lib/text/text-blocks'
import type { HighlightLayer, LayerLook } from './highlight-layer'
import { cssIdent } from './highlight-layer'
import type { SpanChips } from './span-chips'
import { highlightsSupported, useCssHighlights } from './use-css-highlights'
import { useSpanChips } from './use-span-chips'
import { useTextCursor } from './use-text-cursor'
import './highlighted-text.css'

interface Props {
  text: string
  layers: readonly HighlightLayer[]
  /** The stored field this text is, for selection mapping (`data-field`). */
  field: string
  label: string
  numberSteps?: boolean
  /** The element that scrolls this text, when not the window: highlights follow its viewport. */
  scrollRoot?: HTMLElement | null
  /** Spans to mark with a label chip at their start (see span-chips.ts). */
  chips?: SpanChips | null
  /** Layers that may be drawn later (a selected span, a label's first span): styled from the start. */
  reserved?: readonly LayerLook[]
  /**
   * The annotation cursor, drawn on a canvas over the text (text-cursor.ts), not as a highlight;
   * null while there is none, undefined for a text that never has one.
   */
  cursor?: { start: number; end: number } | null
}

/**
 * A stored text shown as plain text, in sections, blocks and chunks (see lib/text/text-blocks: a
 * block is a step; a section, a few thousand characters of blocks, is what `content-visibility`
 * leaves out while off the screen), with highlight layers drawn over it. Trace text is
 * untrusted: it only ever becomes text nodes.
 */
export function HighlightedText({
  text,
  layers,
  field,
  label,
  numberSteps,
  scrollRoot,
  chips = null,
  reserved,
  cursor,
}: Props) {
  const local = useRef<HTMLDivElement | null>(null)
  const wrap = useRef<HTMLDivElement | null>(null)
  const chipLayer = useRef<HTMLDivElement | null>(null)
  const cursorLayer = useRef<HTMLDivElement | null>(null)
  const prefix = `tm${cssIdent(useId())}${field}`
  // First: the painters below and the key handlers share this text's chunk index.
  useLayoutEffect(() => {
    const root = local.current
    return root ? keepChunkIndex(root, indexChunks(root)) : undefined
  }, [text])
  // Before the highlights: the chip painter must exist when the first band is painted.
  const onPaint = useSpanChips(wrap, chipLayer, local, chips, text)
  useCssHighlights(local, prefix, layers, text, scrollRoot, onPaint, reserved)
  useTextCursor(cursorLayer, local, cursor, text)
  return (
    <div className="trace-text-wrap" ref={wrap}>
      {/* Outside the text (offsets count only its chunks), hidden from assistive technology;
          first, so that its static place is the text's top left corner. The cursor's layer
          comes before the chips', so that a chip is drawn over the cursor's band. */}
      <div className="text-cursor" ref={cursorLayer} aria-hidden="true" data-testid="text-cursor" />
      <div className="span-chips" ref={chipLayer} aria-hidden="true" data-testid="span-chips" />
      <div
        ref={local}
        className={`trace-text${numberSteps ? ' numbered' : ''}`}
        data-field={field}
        data-highlight-prefix={prefix}
        aria-label={label}
        role="document"
      >
        {text.length === 0 ? <p className="muted empty-text">(empty)</p> : <Blocks text={text} />}
        {!highlightsSupported && (
          <p className="muted" role="note">
            This browser cannot draw highlights (CSS Custom Highlight API); the text is shown plain.
          </p>
        )}
      </div>
    </div>
  )
}

/** Height of a line of the text, in rem (highlighted-text.css: 0.95rem at 1.65). */
const LINE_REM = 0.95 * 1.65

/** The text's DOM depends on the text alone, so highlight changes never re-render it. */
const Blocks = memo(function Blocks({ text }: { text: string }) {
  const sections = useMemo(() => splitSections(text, splitBlocks(text)), [text])
  return sections.map((s) => (
    <div
      key={s.start}
      className="text-section"
      style={{ containIntrinsicHeight: `auto ${(s.lines * LINE_REM).toFixed(1)}rem` }}
    >
      {s.blocks.map((b) => (
        <div key={b.start} className="text-block" data-step={b.step ?? undefined}>
          {b.chunks.map((c) => (
            <span key={c.start} data-start={c.start}>
              {text.slice(c.start, c.end)}
            </span>
          ))}
        </div>
      ))}
    </div>
  ))
})
