import { useRef, useState, type KeyboardEvent } from 'react'
import { useTable, type SortingState } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useUiStore } from '../../../stores/ui-store'
import type { TraceRow } from '../use-traces'
import { numericColumns, traceColumns, traceTableFeatures } from './trace-columns'

const ROW_HEIGHT = 34
const getRowId = (r: TraceRow) => r.id

/**
 * Every trace of a dataset, virtualised: only the rows in view are in the DOM.
 * Keyboard: j/k or arrows move, Enter opens, space selects for compare.
 */
export function TraceTable({ rows, onOpen }: { rows: TraceRow[]; onOpen: (id: string) => void }) {
  const rowSelection = useUiStore((s) => s.selectedTraceIds)
  const setRowSelection = useUiStore((s) => s.setSelectedTraceIds)
  const [sorting, setSorting] = useState<SortingState>([])
  const table = useTable({
    features: traceTableFeatures,
    columns: traceColumns,
    data: rows,
    getRowId,
    state: { sorting, rowSelection },
    onSortingChange: setSorting,
    onRowSelectionChange: setRowSelection,
  })
  const model = table.getRowModel().rows
  const scrollRef = useRef<HTMLDivElement>(null)
  const [active, setActive] = useState(0)
  const virtualizer = useVirtualizer({
    count: model.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })

  const move = (index: number) => {
    const next = Math.max(0, Math.min(model.length - 1, index))
    setActive(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.altKey || e.ctrlKey || e.metaKey) return
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1)
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      j: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      k: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(model.length - 1),
      Enter: () => model[active] && onOpen(model[active].id),
      ' ': () => model[active]?.toggleSelected(),
    }
    const action = keys[e.key]
    if (!action) return
    e.preventDefault()
    action()
  }
  const width = table.getAllLeafColumns().reduce((w, c) => w + c.getSize(), 0)

  return (
    <div
      ref={scrollRef}
      className="trace-table-scroll"
      tabIndex={0}
      role="region"
      aria-label="Traces (j/k or arrows to move, Enter to open, space to select)"
      onKeyDown={onKeyDown}
    >
      <table className="trace-table" style={{ width }} aria-rowcount={model.length + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted()
                const canSort = header.column.getCanSort()
                return (
                  <th
                    key={header.id}
                    style={{ width: header.getSize() }}
                    aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {canSort ? (
                      <button type="button" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = model[item.index]
            if (!row) return null
            return (
              <tr
                key={row.id}
                data-testid="trace-row"
                aria-rowindex={item.index + 2}
                aria-selected={row.getIsSelected()}
                className={item.index === active ? 'active' : undefined}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={(e) => {
                  setActive(item.index)
                  if (!(e.target instanceof HTMLInputElement)) onOpen(row.id)
                }}
              >
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    style={{ width: cell.column.getSize() }}
                    className={numericColumns.has(cell.column.id) ? 'num' : undefined}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
