import { useMemo, type ComponentType } from 'react'
import { TaxonomyPicker } from '../../../components/taxonomy-picker/taxonomy-picker'
import { Link, useLocation } from 'wouter'
import { formatCount } from '../../../lib/text/format'
import { comparePath } from '../../../lib/compare/compare-link'
import { readerPath } from '../../../lib/reader/reader-link'
import type { IdOrder, TraceListRow } from '../../../lib/traces/trace-order'
import { useSearchStore } from '../../../stores/search-store'
import { useTraceFilterStore } from '../../../stores/trace-filter-store'
import { useUiStore } from '../../../stores/ui-store'
import { useTraceBrowser } from '../use-trace-browser'
import { useDataset, useReadyDatasets } from '../../../data/datasets'
import { useTraceRows } from '../../../data/trace-rows'
import { useTextSearch } from '../use-text-search'
import { FilterPanel } from './filter-panel'
import { SearchBox } from './search-box'
import { TraceTable } from './trace-table'
import './traces.css'

const MAX_COMPARE = 4
const NO_ROWS: TraceListRow[] = []

/** An action on the selected traces that another feature provides (export), wired by the app. */
export type SelectionAction = ComponentType<{ traceIds: string[]; shown: IdOrder }>

/** The traces of one dataset (`datasetId`), or of every dataset (null), with search and filters. */
export function TracesPage({
  datasetId,
  selectionAction: SelectionAction,
}: {
  datasetId: string | null
  selectionAction: SelectionAction
}) {
  const dataset = useDataset(datasetId ?? '')
  const datasets = useReadyDatasets()
  const { rows, head } = useTraceRows(datasetId, datasets)
  const browser = useTraceBrowser(rows ?? head, datasetId !== null)
  const datasetFilter = useTraceFilterStore((s) => s.filter.datasetIds)
  useTextSearch(datasetId === null ? datasetFilter : [datasetId])
  const query = useSearchStore((s) => s.query)
  const [, navigate] = useLocation()
  const selected = useUiStore((s) => s.selectedTraceIds)
  const setSelected = useUiStore((s) => s.setSelectedTraceIds)
  const picked = Object.keys(selected)
  const canCompare = picked.length >= 2 && picked.length <= MAX_COMPARE
  const list = rows ?? head ?? NO_ROWS
  const samePicked =
    picked.length === 1 ? (list.find((r) => r.id === picked[0])?.problemHash ?? null) : null
  const tags = useMemo(() => [...new Set(list.flatMap((r) => r.tags))].sort(), [list])

  if (datasetId !== null && dataset === undefined && rows === undefined) {
    return <p className="page">Loading…</p>
  }
  if (datasetId !== null && !dataset) {
    return (
      <section className="page">
        <h1>Dataset not found</h1>
        <Link href="/">Back to the datasets</Link>
      </section>
    )
  }
  const shown = browser.order.length
  const open = (id: string) => {
    const path = readerPath(id, { q: query.trim() })
    if (path.includes('?')) window.location.hash = path
    else navigate(path)
  }
  const selectShown = () =>
    setSelected((old) => {
      const next = { ...old }
      for (const i of browser.order) next[list[i]!.id] = true
      return next
    })
  return (
    <section className="page traces-page">
      <header className="page-header">
        <h1>{dataset?.name ?? 'All traces'}</h1>
        <span className="muted" data-testid="trace-count">
          {rows === undefined
            ? 'loading…'
            : shown === rows.length
              ? `${formatCount(rows.length)} traces`
              : `${formatCount(shown)} of ${formatCount(rows.length)} traces`}
        </span>
        {datasetId !== null && <TaxonomyPicker datasetId={datasetId} />}
        {datasetId !== null && (
          <Link
            href={`/agreement/${datasetId}`}
            title="Agreement between the annotators of this dataset"
          >
            Agreement
          </Link>
        )}
        <div className="spacer" />
        <span className="muted">{formatCount(picked.length)} selected</span>
        <button type="button" disabled={shown === 0} onClick={selectShown}>
          Select shown
        </button>
        <button type="button" disabled={picked.length === 0} onClick={() => setSelected({})}>
          Clear selection
        </button>
        <button
          type="button"
          className="primary"
          disabled={!canCompare}
          title={`Select 2 to ${MAX_COMPARE} traces to compare them side by side`}
          onClick={() => navigate(comparePath({ ids: picked }))}
        >
          Compare selected
        </button>
        <button
          type="button"
          disabled={samePicked === null}
          title="Select one trace: compare every stored trace of its problem, across datasets"
          onClick={() => samePicked && navigate(comparePath({ problem: samePicked }))}
        >
          Same problem
        </button>
        <SelectionAction traceIds={picked} shown={browser.shown} />
      </header>
      <div className="table-controls">
        <SearchBox total={rows?.length ?? 0} />
        <FilterPanel datasets={datasetId === null ? (datasets ?? []) : null} tags={tags} />
      </div>
      <TraceTable
        rows={list}
        order={browser.order}
        columns={browser.columns}
        sorting={browser.sorting}
        onSortingChange={browser.setSorting}
        layout={browser.layout}
        onOpen={open}
      />
    </section>
  )
}
