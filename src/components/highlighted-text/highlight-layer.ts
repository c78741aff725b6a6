/** One mark of a layer: `[start, end)` of the text; `id` keeps it apart from others at the same place. */
export interface HighlightMark {
  start: number
  end: number
  id?: string
}

/**
 * One kind of mark drawn over a text: all its ranges share a colour and a style. Pass the same
 * `ranges` array again when the layer did not change: the painter then skips it.
 */
export interface HighlightLayer {
  /** Part of the CSS highlight name: letters, digits and dashes. */
  key: string
  color: string
  style: 'fill' | 'underline' | 'strong' | 'search' | 'span' | 'suggestion'
  /** Higher priorities paint over lower ones where ranges overlap. */
  priority: number
  ranges: readonly HighlightMark[]
}

/** What a layer's CSS rule depends on: a layer that may be drawn later is reserved by these. */
export type LayerLook = Pick<HighlightLayer, 'key' | 'color' | 'style'>

export function cssIdent(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, '-')
}

/**
 * Label and pivot colours are pastels made for light pages. On a dark page (the colour scheme,
 * see app/base.css) a fill is the colour mixed into the dark background, so light text stays
 * readable on it, and a line is the pastel itself (a darker shade would vanish).
 */
const DARK_BG = '#0f172a'
const themed = (light: string, dark: string) => `light-dark(${light}, ${dark})`
const darkFill = (color: string, share: number) =>
  `color-mix(in srgb, ${color} ${share}%, ${DARK_BG})`
const lineShade = (color: string) => themed(`color-mix(in srgb, ${color} 55%, #000)`, color)

export function highlightRule(name: string, layer: LayerLook, safeColor: string): string {
  const c = safeColor
  switch (layer.style) {
    case 'fill':
      return `::highlight(${name}) { background-color: ${themed(c, darkFill(c, 40))}; }`
    case 'underline':
      // Label colours are pastel fills; a line needs a darker shade of the same hue to show.
      return `::highlight(${name}) { text-decoration: underline 3px ${lineShade(c)}; text-underline-offset: 3px; }`
    case 'span':
      // An annotated span: a tint of the label colour and a solid line in a darker shade, so
      // a span reads apart from a pivot fill (and in print, where backgrounds may be dropped).
      return `::highlight(${name}) { background-color: ${themed(`color-mix(in srgb, ${c} 45%, transparent)`, darkFill(c, 32))}; text-decoration: underline 3px ${lineShade(c)}; text-underline-offset: 3px; }`
    case 'suggestion':
      // A suggested span not decided yet: a dashed line under it, no fill.
      return `::highlight(${name}) { text-decoration: underline dashed 2px ${themed(c, `color-mix(in srgb, ${c} 50%, #fff)`)}; text-underline-offset: 4px; }`
    case 'search':
      // Search hits stay readable over pivot colours: a wavy line, not a fill.
      return `::highlight(${name}) { text-decoration: underline wavy 2px ${c}; text-underline-offset: 2px; }`
    case 'strong':
      return `::highlight(${name}) { background-color: ${c}; color: #000; text-decoration: underline 2px #000; }`
  }
}
