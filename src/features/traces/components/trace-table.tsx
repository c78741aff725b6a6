import { useMemo, useRef, useState, type KeyboardEvent } from 'react'
import {
  useTable,
  type ColumnDef,
  type ColumnSizingState,
  type ColumnVisibilityState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { TraceListRow } from '../../../lib/traces/trace-order'
import { useUiStore } from '../../../stores/ui-store'
import { ColumnChooser } from './column-chooser'
import { TraceHeaderCell } from './trace-header-cell'
import { traceTableFeatures } from './trace-columns'
import './traces.css'

const ROW_HEIGHT = 34
const getRowId = (r: TraceListRow) => r.id

export interface ColumnLayout {
  visibility: ColumnVisibilityState
  setVisibility: (u: Updater<ColumnVisibilityState>) => void
  sizing: ColumnSizingState
  setSizing: (u: Updater<ColumnSizingState>) => void
}

interface Props {
  rows: readonly TraceListRow[]
  /** Indexes into `rows` of the rows shown, in the order shown. */
  order: Uint32Array
  columns: ColumnDef<typeof traceTableFeatures, TraceListRow>[]
  sorting: SortingState
  onSortingChange: (u: Updater<SortingState>) => void
  layout: ColumnLayout
  onOpen: (id: string) => void
}

/**
 * The traces, virtualised: TanStack Table renders only the rows in view (the page has sorted
 * and filtered the full list already). Keyboard: j/k or arrows move, Enter opens, space
 * selects for compare, PageUp/PageDown/Home/End jump.
 */
export function TraceTable({
  rows,
  order,
  columns,
  sorting,
  onSortingChange,
  layout,
  onOpen,
}: Props) {
  const rowSelection = useUiStore((s) => s.selectedTraceIds)
  const setRowSelection = useUiStore((s) => s.setSelectedTraceIds)
  const scrollRef = useRef<HTMLDivElement>(null)
  const [activeIndex, setActive] = useState(0)
  const active = Math.min(activeIndex, Math.max(0, order.length - 1))
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1
  const windowRows = useMemo(() => {
    const shown: TraceListRow[] = []
    for (let i = first; i <= last; i++) {
      const row = rows[order[i] ?? -1]
      if (row) shown.push(row)
    }
    return shown
  }, [rows, order, first, last])
  const table = useTable({
    features: traceTableFeatures,
    columns,
    data: windowRows,
    getRowId,
    manualSorting: true,
    columnResizeMode: 'onChange',
    state: {
      sorting,
      rowSelection,
      columnVisibility: layout.visibility,
      columnSizing: layout.sizing,
    },
    onSortingChange,
    onRowSelectionChange: setRowSelection,
    onColumnVisibilityChange: layout.setVisibility,
    onColumnSizingChange: layout.setSizing,
  })
  const model = table.getRowModel().rows
  const idAt = (index: number) => rows[order[index] ?? -1]?.id

  const move = (index: number) => {
    const next = Math.max(0, Math.min(order.length - 1, index))
    setActive(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }
  const toggleActive = () => {
    const id = idAt(active)
    if (!id) return
    setRowSelection((old) =>
      old[id]
        ? Object.fromEntries(Object.entries(old).filter(([k]) => k !== id))
        : { ...old, [id]: true as const },
    )
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.altKey || e.ctrlKey || e.metaKey) return
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 2)
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      j: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      k: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(order.length - 1),
      Enter: () => {
        const id = idAt(active)
        if (id) onOpen(id)
      },
      ' ': toggleActive,
    }
    const action = keys[e.key]
    if (!action) return
    e.preventDefault()
    action()
  }

  return (
    <>
      <div className="table-tools">
        <ColumnChooser columns={table.getAllLeafColumns()} />
      </div>
      <div
        ref={scrollRef}
        className="trace-table-scroll"
        tabIndex={0}
        role="region"
        aria-label="Traces (j/k or arrows to move, Enter to open, space to select)"
        onKeyDown={onKeyDown}
      >
        <table
          className="trace-table"
          style={{ width: table.getTotalSize() }}
          aria-rowcount={order.length + 1}
        >
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <TraceHeaderCell key={header.id} header={header} table={table} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = model[item.index - first]
              if (!row) return null
              return (
                <tr
                  // Keyed by place, not by trace: a sort or a filter refills the rows on the
                  // screen in place (text changes) instead of making every row and cell anew.
                  key={item.index}
                  data-testid="trace-row"
                  data-trace-id={row.id}
                  aria-rowindex={item.index + 2}
                  aria-selected={row.getIsSelected()}
                  className={item.index === active ? 'active' : undefined}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={(e) => {
                    setActive(item.index)
                    if (!(e.target instanceof HTMLInputElement)) onOpen(row.id)
                  }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.column.id}
                      style={{ width: cell.column.getSize() }}
                      className={cell.column.columnDef.meta?.numeric ? 'num' : undefined}
                    >
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
        {order.length === 0 && <p className="muted empty-table">No trace matches.</p>}
      </div>
    </>
  )
}
