import { useCallback, useRef, type ReactNode } from 'react'
import { downloadBlob } from '../../../components/download/download-blob'
import { InfoTip } from '../../../components/info-tip/info-tip'
import { startWrite } from '../../../data/write'
import { standaloneSvg, svgToPng, type LegendEntry } from '../chart-export'
import { PlotFigure } from './plot-figure'
import { SafeText } from '../../../components/safe-text/safe-text'
import './chart-card.css'

/** A chart with its title, definition, legend and downloads (PNG, SVG, CSV of its numbers). */
export function ChartCard({
  id,
  title,
  info,
  chart,
  legend,
  csv,
  children,
}: {
  id: string
  title: string
  info: string
  chart: SVGSVGElement
  legend: LegendEntry[]
  csv: () => string
  children?: ReactNode
}) {
  const svg = useRef<SVGSVGElement | null>(null)
  const onMount = useCallback((node: SVGSVGElement) => (svg.current = node), [])
  const svgText = () => (svg.current === null ? null : standaloneSvg(svg.current, legend))
  return (
    <section
      className="panel chart-card"
      aria-labelledby={`${id}-title`}
      data-testid={`chart-${id}`}
    >
      <h2 id={`${id}-title`}>
        {title} <InfoTip label={title} text={info} />
      </h2>
      {children}
      <ul className="chart-legend" aria-label="Datasets">
        {legend.map((entry) => (
          <li key={entry.label}>
            <span className="swatch" style={{ background: entry.color }} />
            <SafeText text={entry.label} />
          </li>
        ))}
      </ul>
      <PlotFigure chart={chart} onMount={onMount} />
      <p className="chart-downloads">
        <button
          type="button"
          onClick={() => {
            const text = svgText()
            if (text === null) return
            startWrite(`save ${title} as PNG`, async () =>
              downloadBlob(await svgToPng(text), `tracemark-${id}.png`),
            )
          }}
        >
          Save {title} as PNG
        </button>
        <button
          type="button"
          onClick={() => {
            const text = svgText()
            if (text !== null)
              downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `tracemark-${id}.svg`)
          }}
        >
          Save {title} as SVG
        </button>
        <button
          type="button"
          onClick={() =>
            downloadBlob(new Blob([csv()], { type: 'text/csv' }), `tracemark-${id}.csv`)
          }
        >
          Save {title} data as CSV
        </button>
      </p>
    </section>
  )
}
