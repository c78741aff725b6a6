import {
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnVisibilityState,
} from '@tanstack/react-table'
import { sortValue, type TraceListRow } from '../../../lib/traces/trace-order'
import { SafeText } from '../../../components/safe-text/safe-text'
import { showBidiControls } from '../../../lib/text/bidi'

/**
 * The traces table's features and columns. Sorting is manual: the page sorts and filters the
 * full list itself (lib/trace-order) and gives TanStack only the rows in view, so TanStack owns
 * the column state (sort, visibility, sizes, selection) and the rendering, never 100k rows.
 */
export const traceTableFeatures = tableFeatures({
  columnSizingFeature,
  columnResizingFeature,
  columnVisibilityFeature,
  rowSortingFeature,
  rowSelectionFeature,
  columnMeta: {} as { numeric?: boolean },
})

const helper = createColumnHelper<typeof traceTableFeatures, TraceListRow>()

export interface PivotCategory {
  id: string
  name: string
}

/** Columns hidden until the column chooser shows them. */
export function defaultHiddenColumns(categories: PivotCategory[]): ColumnVisibilityState {
  const hidden: ColumnVisibilityState = {
    tokens: false,
    sentences: false,
    verifications: false,
    firstPivotAt: false,
    hasFinalAnswer: false,
  }
  for (const c of categories) hidden[`pivot:${c.id}`] = false
  return hidden
}

/** Names, keys and problems are untrusted: isolated, with bidi controls shown (#12). */
const safeCell = (c: { getValue: () => unknown }) => <SafeText text={String(c.getValue() ?? '')} />

const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'yes' : 'no')

const metric = (id: string, header: string, size: number, format: (v: number) => string = String) =>
  helper.accessor((r) => sortValue(r, id) as number, {
    id,
    header,
    size,
    meta: { numeric: true },
    cell: (c) => format(c.getValue()),
  })

/**
 * Every column of DESIGN section 5, one per pivot category included. The key, the pivot density
 * and correctness come first (after the names), so a 1024 px window shows them unscrolled.
 */
export function buildTraceColumns(categories: PivotCategory[]) {
  return helper.columns([
    helper.display({
      id: 'select',
      header: () => <span className="visually-hidden">Select</span>,
      size: 36,
      enableHiding: false,
      enableResizing: false,
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`Select trace ${showBidiControls(row.original.key)} for compare`}
          checked={row.getIsSelected()}
          onClick={row.getToggleSelectedHandler()}
          onChange={() => {}}
        />
      ),
    }),
    helper.accessor('key', {
      header: 'Key',
      size: 110,
      enableHiding: false,
      cell: safeCell,
    }),
    helper.accessor('problemPreview', { header: 'Problem', size: 300, cell: safeCell }),
    helper.accessor('datasetName', { id: 'dataset', header: 'Dataset', size: 140, cell: safeCell }),
    helper.accessor('model', { header: 'Model', size: 130, cell: safeCell }),
    // Density and correctness next to the names, so that at 1024 px they are in view (#12).
    metric('pivotsPer1k', 'Pivots/1k', 100, (v) => v.toFixed(1)),
    helper.accessor('correct', {
      header: 'Correct',
      size: 72,
      cell: (c) => yesNo(c.getValue()),
    }),
    metric('chars', 'Chars', 80),
    metric('words', 'Words', 76),
    metric('tokens', 'Tokens', 76),
    metric('steps', 'Steps', 64),
    metric('sentences', 'Sentences', 84),
    metric('pivotTotal', 'Pivots', 70),
    ...categories.map((c) => metric(`pivot:${c.id}`, c.name, 96)),
    metric('pivotCategories', 'Types', 64),
    metric('backtracks', 'Backtr.', 70),
    metric('verifications', 'Verif.', 64),
    metric('firstPivotAt', 'First pivot', 90, (v) =>
      Number.isFinite(v) ? `${Math.round(v * 100)}%` : '—',
    ),
    helper.accessor((r) => r.metrics.hasFinalAnswer, {
      id: 'hasFinalAnswer',
      header: 'Final ans.',
      size: 84,
      cell: (c) => yesNo(c.getValue()),
    }),
    helper.accessor((r) => r.truncated ?? false, {
      id: 'truncated',
      header: 'Truncated',
      size: 84,
      cell: (c) => (c.getValue() ? 'yes' : 'no'),
    }),
    helper.accessor('status', { header: 'Status', size: 90 }),
    helper.accessor((r) => r.tags.join(', '), {
      id: 'tags',
      header: 'Tags',
      size: 120,
      cell: safeCell,
    }),
    helper.accessor('annotationCount', {
      header: 'Spans',
      size: 64,
      meta: { numeric: true },
    }),
  ])
}
