import type { Header, ReactTable } from '@tanstack/react-table'
import type { TraceListRow } from '../../../lib/traces/trace-order'
import type { traceTableFeatures } from './trace-columns'

type Features = typeof traceTableFeatures

/** A column header: a sort button (▲/▼) and a handle to drag the column wider. */
export function TraceHeaderCell({
  header,
  table,
}: {
  header: Header<Features, TraceListRow, unknown>
  table: ReactTable<Features, TraceListRow>
}) {
  const sorted = header.column.getIsSorted()
  const label = <table.FlexRender header={header} />
  const resize = header.getResizeHandler()
  return (
    <th
      style={{ width: header.getSize() }}
      aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
      className={header.column.columnDef.meta?.numeric ? 'num' : undefined}
    >
      {header.column.getCanSort() ? (
        <button type="button" onClick={header.column.getToggleSortingHandler()}>
          {label}
          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
        </button>
      ) : (
        label
      )}
      {header.column.getCanResize() && (
        <div
          className={`col-resizer${header.column.getIsResizing() ? ' resizing' : ''}`}
          aria-hidden="true"
          title="Drag to resize; double-click to reset"
          data-testid={`resize-${header.column.id}`}
          onMouseDown={resize}
          onTouchStart={resize}
          onDoubleClick={() => header.column.resetSize()}
        />
      )}
    </th>
  )
}
