import type { Dataset } from '../../../lib/trace-model'
import { formatCount } from '../../../lib/format'
import { useExport } from '../use-export'

/** Exports a dataset as Tracemark JSONL, with progress and cancel. */
export function ExportButton({ dataset }: { dataset: Dataset }) {
  const { state, run, cancel } = useExport(dataset)
  if (state.phase === 'running') {
    const p = state.progress
    return (
      <span role="status" className="export-status">
        <progress
          max={p?.totalTraces ?? 1}
          value={p?.traces ?? 0}
          aria-label={`Exporting ${dataset.name}`}
        />
        {p ? `${formatCount(p.traces)} / ${formatCount(p.totalTraces)}` : 'Starting…'}
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </span>
    )
  }
  return (
    <>
      <button
        type="button"
        onClick={() => void run()}
        aria-label={`Export ${dataset.name} as Tracemark JSONL`}
      >
        Export JSONL
      </button>
      {state.phase === 'failed' && (
        <span role="alert" className="error">
          Export failed: {state.message}
        </span>
      )}
    </>
  )
}
