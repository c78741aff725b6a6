import type { DatasetLabel } from '../use-compare-data'

/** A dataset's colour swatch and short name; the full name on hover. */
export function DatasetChip({ label }: { label: DatasetLabel }) {
  return (
    <span className="dataset-chip" title={label.name} data-testid="dataset-chip">
      <span className="dataset-swatch" style={{ background: label.color }} aria-hidden="true" />
      {label.short}
    </span>
  )
}
