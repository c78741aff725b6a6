import { useMemo } from 'react'
import { useExport } from '../use-export'
import { ExportMore } from './export-more'
import { ExportStatus } from './export-status'

/** Exports the traces selected in the table (of any datasets) as Tracemark JSONL. */
export function ExportSelectedButton({ traceIds }: { traceIds: string[] }) {
  const key = traceIds.join(',')
  const target = useMemo(() => ({ traceIds: key ? key.split(',') : [] }), [key])
  const { state, run, cancel } = useExport(target, 'selection')
  if (state.phase === 'running' || state.phase === 'cancelling')
    return <ExportStatus state={state} label="selection" cancel={cancel} />
  return (
    <>
      <button type="button" disabled={traceIds.length === 0} onClick={() => void run()}>
        Export selected
      </button>
      <ExportStatus state={state} label="selection" cancel={cancel} />
      {traceIds.length > 0 && <ExportMore target={target} label="selection" />}
    </>
  )
}
