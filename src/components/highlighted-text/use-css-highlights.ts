import { useLayoutEffect, type RefObject } from 'react'
import { indexChunks, rangeFor } from './dom-offsets'
import { cssIdent, highlightRule, type HighlightLayer } from './highlight-layer'

export const highlightsSupported = typeof CSS !== 'undefined' && 'highlights' in CSS

/**
 * Draws `layers` over the text rendered in `container` with the CSS Custom Highlight API: the
 * text stays plain text nodes, nothing wraps it. Highlight names are `${prefix}-${layer.key}`,
 * unique per text view, so several views (compare) never clash.
 */
export function useCssHighlights(
  container: RefObject<HTMLElement | null>,
  prefix: string,
  layers: HighlightLayer[],
  text: string,
) {
  useLayoutEffect(() => {
    const root = container.current
    if (!root || !highlightsSupported) return
    const index = indexChunks(root)
    const names: string[] = []
    const rules: string[] = []
    for (const layer of layers) {
      const name = `${prefix}-${cssIdent(layer.key)}`
      const ranges = layer.ranges.flatMap((r) => rangeFor(index, r.start, r.end) ?? [])
      const highlight = new Highlight(...ranges)
      highlight.priority = layer.priority
      CSS.highlights.set(name, highlight)
      names.push(name)
      const color = CSS.supports('color', layer.color) ? layer.color : '#d1d5db'
      rules.push(highlightRule(name, layer, color))
    }
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(rules.join('\n'))
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    return () => {
      for (const name of names) CSS.highlights.delete(name)
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
    }
  }, [container, prefix, layers, text])
}
