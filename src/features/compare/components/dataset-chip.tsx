import type { DatasetLabel } from '../use-compare-data'
import { SafeText } from '../../../components/safe-text/safe-text'
import { showBidiControls } from '../../../lib/text/bidi'

/** A dataset's colour swatch and short name; the full name on hover. */
export function DatasetChip({ label }: { label: DatasetLabel }) {
  return (
    <span className="dataset-chip" title={showBidiControls(label.name)} data-testid="dataset-chip">
      <span className="dataset-swatch" style={{ background: label.color }} aria-hidden="true" />
      <SafeText text={label.short} />
    </span>
  )
}
