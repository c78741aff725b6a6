import { useMemo } from 'react'
import { LazyExportMore } from './lazy-export-more'

/** The export dialog for the one trace the reader shows. */
export function ExportTraceButton({ traceId, label }: { traceId: string; label: string }) {
  const target = useMemo(() => ({ traceIds: [traceId] }), [traceId])
  return <LazyExportMore target={target} label={label} summary="Export…" />
}
