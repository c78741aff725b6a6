import {
  columnSizingFeature,
  createColumnHelper,
  createSortedRowModel,
  rowSelectionFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
} from '@tanstack/react-table'
import type { TraceRow } from '../use-traces'

/** Defined once, at module scope: TanStack Table needs stable features and columns. */
export const traceTableFeatures = tableFeatures({
  columnSizingFeature,
  rowSortingFeature,
  rowSelectionFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
})

/** Columns whose cells are numbers, aligned right. */
export const numericColumns = new Set([
  'chars',
  'words',
  'pivots',
  'pivotsPer1k',
  'types',
  'backtracks',
  'annotationCount',
])

const helper = createColumnHelper<typeof traceTableFeatures, TraceRow>()

const fixed = (n: number) => n.toFixed(1)

function correctLabel(c: boolean | null): string {
  if (c === null) return '—'
  return c ? 'yes' : 'no'
}

export const traceColumns = helper.columns([
  helper.display({
    id: 'select',
    header: () => <span className="visually-hidden">Compare</span>,
    size: 36,
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select trace ${row.original.key} for compare`}
        checked={row.getIsSelected()}
        onClick={row.getToggleSelectedHandler()}
        onChange={() => {}}
      />
    ),
  }),
  helper.accessor('key', { header: 'Key', size: 110, sortFn: 'alphanumeric' }),
  helper.accessor('problemPreview', { header: 'Problem', size: 320, sortFn: 'alphanumeric' }),
  helper.accessor('model', { header: 'Model', size: 130, sortFn: 'alphanumeric' }),
  helper.accessor((r) => r.metrics.chars, { id: 'chars', header: 'Chars', size: 80 }),
  helper.accessor((r) => r.metrics.words, { id: 'words', header: 'Words', size: 76 }),
  helper.accessor((r) => r.metrics.pivotTotal, { id: 'pivots', header: 'Pivots', size: 70 }),
  helper.accessor((r) => r.metrics.pivotsPer1k, {
    id: 'pivotsPer1k',
    header: 'Pivots/1k',
    size: 84,
    cell: (c) => fixed(c.getValue()),
  }),
  helper.accessor((r) => r.metrics.pivotCategories, { id: 'types', header: 'Types', size: 64 }),
  helper.accessor((r) => r.metrics.backtracks, { id: 'backtracks', header: 'Backtr.', size: 70 }),
  helper.accessor((r) => (r.correct === null ? -1 : Number(r.correct)), {
    id: 'correct',
    header: 'Correct',
    size: 72,
    cell: (c) => correctLabel(c.row.original.correct),
  }),
  helper.accessor('status', { header: 'Status', size: 90, sortFn: 'alphanumeric' }),
  helper.accessor('annotationCount', { header: 'Spans', size: 64 }),
])
