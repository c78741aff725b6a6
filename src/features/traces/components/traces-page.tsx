import { Link, useLocation } from 'wouter'
import { formatCount } from '../../../lib/format'
import { useUiStore } from '../../../stores/ui-store'
import { useDataset, useTraceRows } from '../use-traces'
import { TraceTable } from './trace-table'

const MAX_COMPARE = 4

export function TracesPage({ datasetId }: { datasetId: string }) {
  const dataset = useDataset(datasetId)
  const rows = useTraceRows(datasetId)
  const [, navigate] = useLocation()
  const selected = useUiStore((s) => s.selectedTraceIds)
  const clear = useUiStore((s) => s.setSelectedTraceIds)
  const picked = Object.keys(selected)
  const canCompare = picked.length >= 2 && picked.length <= MAX_COMPARE

  if (dataset === undefined && rows === undefined) return <p className="page">Loading…</p>
  if (!dataset) {
    return (
      <section className="page">
        <h1>Dataset not found</h1>
        <Link href="/">Back to the datasets</Link>
      </section>
    )
  }
  return (
    <section className="page traces-page">
      <header className="page-header">
        <h1>{dataset.name}</h1>
        <span className="muted">{formatCount(rows?.length ?? 0)} traces</span>
        <div className="spacer" />
        <span className="muted">{picked.length} selected</span>
        <button type="button" disabled={picked.length === 0} onClick={() => clear({})}>
          Clear selection
        </button>
        <button
          type="button"
          className="primary"
          disabled={!canCompare}
          title={`Select 2 to ${MAX_COMPARE} traces to compare them side by side`}
          onClick={() => navigate(`/compare/${picked.join(',')}`)}
        >
          Compare selected
        </button>
      </header>
      {rows && <TraceTable rows={rows} onOpen={(id) => navigate(`/traces/${id}`)} />}
    </section>
  )
}
