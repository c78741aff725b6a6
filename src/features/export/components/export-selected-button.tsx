import { useMemo } from 'react'
import type { IdOrder } from '../../../lib/traces/trace-order'
import { useExport } from '../use-export'
import type { ExportScope } from './export-more'
import { LazyExportMore } from './lazy-export-more'
import { ExportStatus } from './export-status'

/**
 * The traces table's exports: the selected traces (of any datasets) as Tracemark JSONL in one
 * click, and the export dialog for the selection or for the traces the current filter shows.
 */
export function ExportSelectedButton({
  traceIds,
  shown,
}: {
  traceIds: string[]
  /** The traces the table's filter shows, in its order (ids resolved only for an export). */
  shown: IdOrder
}) {
  const key = traceIds.join(',')
  const target = useMemo(() => ({ traceIds: key ? key.split(',') : [] }), [key])
  const scopes: ExportScope[] = useMemo(
    () => [
      ...(target.traceIds.length > 0
        ? [{ name: `Selected traces (${target.traceIds.length})`, target }]
        : []),
      {
        name: `Traces shown by the current filter (${shown.size})`,
        target: () => ({ traceIds: [...shown.ids()] }),
      },
    ],
    [target, shown],
  )
  const { state, run, cancel } = useExport(target, 'selection')
  if (state.phase === 'running' || state.phase === 'cancelling')
    return <ExportStatus state={state} label="selection" cancel={cancel} />
  return (
    <>
      <button type="button" disabled={traceIds.length === 0} onClick={() => void run()}>
        Export selected
      </button>
      <ExportStatus state={state} label="selection" cancel={cancel} />
      <LazyExportMore target={scopes[0]!.target} label="traces" summary="Export…" scopes={scopes} />
    </>
  )
}
