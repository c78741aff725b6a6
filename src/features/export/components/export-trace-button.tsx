import { useMemo } from 'react'
import { ExportMore } from './export-more'

/** The export dialog for the one trace the reader shows. */
export function ExportTraceButton({ traceId, label }: { traceId: string; label: string }) {
  const target = useMemo(() => ({ traceIds: [traceId] }), [traceId])
  return <ExportMore target={target} label={label} summary="Export…" />
}
