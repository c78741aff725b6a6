import { useEffect, useMemo } from 'react'
import { PREF_KEYS, usePref } from '../../data/prefs'
import { LEXICON_PRESETS, PIVOT_LEXICON } from '../../lib/analysis/lexicon-presets'
import {
  applyMask,
  filterMask,
  IdOrder,
  sortOrder,
  type TraceListRow,
} from '../../lib/traces/trace-order'
import { useTraceFilterStore } from '../../stores/trace-filter-store'
import { useUiStore } from '../../stores/ui-store'
import type { ColumnLayout } from './components/trace-table'
import { buildTraceColumns, defaultHiddenColumns } from './components/trace-columns'
import type { PivotCategory } from './components/trace-columns'

const NO_ROWS: TraceListRow[] = []
/** Column widths change on every pointer move of a drag: written once the drag settles. */
const SETTLE = { settleMs: 300 }

/**
 * What the traces table shows: the rows sorted and filtered (in lib/trace-order, measured at
 * 100k rows in the bench), the columns for the pivot categories present, and the persisted
 * column layout. On a dataset's page the dataset filter does not apply: the page is the scope.
 */
export function useTraceBrowser(rows: TraceListRow[] | undefined, scopedToDataset: boolean) {
  const list = rows ?? NO_ROWS
  const sorting = useUiStore((s) => s.traceSorting)
  const setSorting = useUiStore((s) => s.setTraceSorting)
  const setBrowseOrder = useUiStore((s) => s.setBrowseOrder)
  const storeFilter = useTraceFilterStore((s) => s.filter)
  const filter = useMemo(
    () => (scopedToDataset ? { ...storeFilter, datasetIds: [] } : storeFilter),
    [storeFilter, scopedToDataset],
  )
  // A sort re-reads neither the rows nor the filter: cached orders and a pass/fail mask (#14).
  const sorted = useMemo(() => sortOrder(list, sorting[0] ?? null), [list, sorting])
  const mask = useMemo(() => filterMask(list, filter), [list, filter])
  const order = useMemo(() => applyMask(sorted, mask), [sorted, mask])
  const shown = useMemo(() => new IdOrder(list, order), [list, order])
  useEffect(() => {
    if (rows) setBrowseOrder(shown)
  }, [rows, shown, setBrowseOrder])

  const categoryKey = useMemo(() => pivotCategoryIds(list).join('\n'), [list])
  const categories = useMemo(() => namedCategories(categoryKey), [categoryKey])
  const columns = useMemo(() => buildTraceColumns(categories), [categories])
  const hidden = useMemo(() => defaultHiddenColumns(categories), [categories])
  const [visibility, setVisibility] = usePref(PREF_KEYS.traceColumnVisibility, hidden, SETTLE)
  const [sizing, setSizing] = usePref(PREF_KEYS.traceColumnSizing, {}, SETTLE)
  const layout: ColumnLayout = {
    visibility: { ...hidden, ...visibility },
    setVisibility,
    sizing,
    setSizing,
  }
  return { order, shown, sorting, setSorting, columns, layout }
}

/** The pivot categories counted in the rows' metrics, the default lexicon's first. */
function pivotCategoryIds(rows: readonly TraceListRow[]): string[] {
  const ids = new Set(PIVOT_LEXICON.categories.map((c) => c.id))
  const seen = new Set<string>()
  for (const row of rows) {
    if (seen.has(row.metrics.lexiconId)) continue
    seen.add(row.metrics.lexiconId)
    for (const id of Object.keys(row.metrics.pivots)) ids.add(id)
  }
  return [...ids]
}

function namedCategories(key: string): PivotCategory[] {
  const names = new Map(LEXICON_PRESETS.flatMap((l) => l.categories).map((c) => [c.id, c.name]))
  return key
    .split('\n')
    .filter(Boolean)
    .map((id) => ({ id, name: names.get(id) ?? id }))
}
