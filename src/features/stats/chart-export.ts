/**
 * Saving a chart: the SVG as a standalone file (Plot's stylesheet and a colour legend put
 * back in, since the page strips Plot's inline <style> for its Content Security Policy), and
 * the same drawn to a canvas for PNG.
 */
import { isolatedPlain } from '../../lib/text/bidi'
const SVG_NS = 'http://www.w3.org/2000/svg'

/** The rules of Plot's own <style> element, scoped to our class name (see components/plot-figure.css). */
const PLOT_CSS =
  '.tm-plot{--plot-background:white;display:block;height:auto;max-width:100%;background:white}' +
  '.tm-plot text,.tm-plot tspan{white-space:pre}'

export interface LegendEntry {
  label: string
  color: string
}

const LEGEND_ROW = 18

/** A standalone SVG document of a chart with its legend above it. */
export function standaloneSvg(chart: SVGSVGElement, legend: readonly LegendEntry[]): string {
  const width = Number(chart.getAttribute('width') ?? 640)
  const height = Number(chart.getAttribute('height') ?? 400)
  const top = legend.length === 0 ? 0 : LEGEND_ROW * legend.length + 6
  const root = document.createElementNS(SVG_NS, 'svg')
  root.setAttribute('xmlns', SVG_NS)
  root.setAttribute('width', String(width))
  root.setAttribute('height', String(height + top))
  root.setAttribute('viewBox', `0 0 ${width} ${height + top}`)
  root.setAttribute('font-family', 'system-ui, sans-serif')
  root.setAttribute('font-size', '10')
  const style = document.createElementNS(SVG_NS, 'style')
  style.textContent = PLOT_CSS
  const background = document.createElementNS(SVG_NS, 'rect')
  background.setAttribute('width', '100%')
  background.setAttribute('height', '100%')
  background.setAttribute('fill', 'white')
  root.append(style, background)
  legend.forEach((entry, i) => {
    const swatch = document.createElementNS(SVG_NS, 'rect')
    swatch.setAttribute('x', '10')
    swatch.setAttribute('y', String(6 + i * LEGEND_ROW))
    swatch.setAttribute('width', '12')
    swatch.setAttribute('height', '12')
    swatch.setAttribute('fill', entry.color)
    const text = document.createElementNS(SVG_NS, 'text')
    text.setAttribute('x', '28')
    text.setAttribute('y', String(16 + i * LEGEND_ROW))
    text.textContent = isolatedPlain(entry.label)
    root.append(swatch, text)
  })
  const copy = chart.cloneNode(true) as SVGSVGElement
  copy.setAttribute('y', String(top))
  root.append(copy)
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`
}

/** Draws the SVG on a canvas at twice its size (sharp on high-density screens) and encodes PNG. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.ceil(image.naturalWidth * scale)
    canvas.height = Math.ceil(image.naturalHeight * scale)
    const context = canvas.getContext('2d')
    if (context === null) throw new Error('no 2D canvas available')
    context.fillStyle = 'white'
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}
