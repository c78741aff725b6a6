import type { Column } from '@tanstack/react-table'
import type { TraceListRow } from '../../../lib/traces/trace-order'
import type { traceTableFeatures } from './trace-columns'

type TraceColumn = Column<typeof traceTableFeatures, TraceListRow>

/** Which columns the table shows; the choice is persisted in prefs by the table's owner. */
export function ColumnChooser({ columns }: { columns: TraceColumn[] }) {
  const choosable = columns.filter((c) => c.getCanHide())
  return (
    <details className="column-chooser">
      <summary>Columns</summary>
      <fieldset>
        <legend className="visually-hidden">Shown columns</legend>
        {choosable.map((c) => (
          <label key={c.id}>
            <input
              type="checkbox"
              checked={c.getIsVisible()}
              onChange={c.getToggleVisibilityHandler()}
            />{' '}
            {typeof c.columnDef.header === 'string' ? c.columnDef.header : c.id}
          </label>
        ))}
        <button type="button" onClick={() => choosable.forEach((c) => c.resetSize())}>
          Reset widths
        </button>
      </fieldset>
    </details>
  )
}
