import { useMemo, type MouseEvent } from 'react'
import { pivotTimeline } from '../../../lib/compare/pivot-timeline'
import type { TextAnalysis } from '../../../lib/analysis/metrics'
import type { Lexicon } from '../../../lib/traces/trace-model'
import type { DatasetLabel } from '../use-compare-data'
import { DatasetChip } from './dataset-chip'

interface Row {
  length: number
  analysis: TextAnalysis | null
  label: DatasetLabel
}

/**
 * Each pane's pivot sequence on one shared axis (0 to 100 % of its reasoning), ticks in the
 * category colours; clicking a tick scrolls that pane to the pivot.
 */
export function PivotTimelines({
  rows,
  lexicon,
  onJump,
}: {
  rows: Row[]
  lexicon: Lexicon
  onJump: (pane: number, offset: number) => void
}) {
  return (
    <section className="pivot-timelines" aria-label="Pivot timelines" data-testid="pivot-timelines">
      {rows.map((row, i) => (
        <Timeline key={i} index={i} row={row} lexicon={lexicon} onJump={(o) => onJump(i, o)} />
      ))}
      <div className="timeline-legend small muted">
        {lexicon.categories.map((c) => (
          <span key={c.id}>
            <span className="dataset-swatch" style={{ background: c.color }} aria-hidden="true" />
            {c.name}
          </span>
        ))}
        <span>· position along each reasoning, start to end</span>
      </div>
    </section>
  )
}

function Timeline({
  index,
  row,
  lexicon,
  onJump,
}: {
  index: number
  row: Row
  lexicon: Lexicon
  onJump: (offset: number) => void
}) {
  const ticks = useMemo(
    () => (row.analysis ? pivotTimeline(row.analysis.pivots, row.length, lexicon) : []),
    [row.analysis, row.length, lexicon],
  )
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const tick = (e.target as HTMLElement).closest<HTMLElement>('[data-offset]')
    if (tick) onJump(Number(tick.dataset.offset))
    else {
      const rect = e.currentTarget.getBoundingClientRect()
      onJump(Math.round(((e.clientX - rect.left) / Math.max(1, rect.width)) * row.length))
    }
  }
  return (
    <div className="timeline-row" data-testid="pivot-timeline" data-pane={index}>
      <span className="timeline-label">
        {index + 1} <DatasetChip label={row.label} />
      </span>
      <div
        className="timeline-track"
        role="presentation"
        title="Pivots along the reasoning; click to scroll this pane there"
        onClick={onClick}
      >
        {ticks.map((t) => (
          <div
            key={`${t.categoryId}-${t.position}`}
            className="timeline-tick"
            data-testid="timeline-tick"
            data-offset={t.offset}
            data-category={t.categoryId}
            title={`${t.count} × ${t.categoryId} at ${Math.round(t.position * 100)}%`}
            style={{ left: `${t.position * 100}%`, background: t.color }}
          />
        ))}
      </div>
    </div>
  )
}
