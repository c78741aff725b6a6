import { useEffect, useRef } from 'react'
import './plot-figure.css'

/**
 * Mounts a chart that Plot drew (an SVG element) into a node this component owns. Plot puts a
 * <style> element in its output; the page's CSP (style-src 'self') would refuse it, so it is
 * removed before the SVG is attached, and the same rules live in plot-figure.css (.tm-plot).
 */
export function PlotFigure({
  chart,
  onMount,
}: {
  chart: SVGSVGElement
  onMount?: (svg: SVGSVGElement) => void
}) {
  const holder = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const node = holder.current
    if (node === null) return
    for (const style of chart.querySelectorAll('style')) style.remove()
    // Plot labels <g> and <svg> elements with aria-label but no role, which ARIA prohibits
    // (axe: aria-prohibited-attr): give them the role their label describes.
    for (const el of [chart, ...chart.querySelectorAll('[aria-label]')]) {
      if (el.hasAttribute('aria-label') && !el.hasAttribute('role'))
        el.setAttribute('role', el === chart ? 'img' : 'group')
    }
    node.replaceChildren(chart)
    onMount?.(chart)
    return () => node.replaceChildren()
  }, [chart, onMount])
  return <div ref={holder} className="plot-figure" />
}
