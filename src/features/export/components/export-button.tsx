import { useMemo } from 'react'
import type { Dataset } from '../../../lib/traces/trace-model'
import { useExport } from '../use-export'
import { ExportStatus } from './export-status'
import { LazyExportMore } from './lazy-export-more'

/** Exports a dataset as Tracemark JSONL, or in another format, with progress and cancel. */
export function ExportButton({ dataset }: { dataset: Dataset }) {
  const target = useMemo(() => ({ datasetId: dataset.id }), [dataset.id])
  const { state, run, cancel } = useExport(target, dataset.name)
  if (state.phase === 'running' || state.phase === 'cancelling')
    return <ExportStatus state={state} label={dataset.name} cancel={cancel} />
  return (
    <>
      <button
        type="button"
        onClick={() => void run()}
        aria-label={`Export ${dataset.name} as Tracemark JSONL`}
      >
        Export JSONL
      </button>
      <ExportStatus state={state} label={dataset.name} cancel={cancel} />
      <LazyExportMore target={target} label={dataset.name} />
    </>
  )
}
