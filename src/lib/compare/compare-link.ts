/**
 * Links to the compare views, so a comparison can be shared as it is:
 * - `#/compare?ids=a,b,c` compares those traces (two to four);
 * - `#/compare?problem=<problemHash>` every trace of one problem, across datasets (with `ids`
 *   too, the traces of that problem picked when it has more than four);
 * - `#/compare/<a>,<b>` the first version's form, still read;
 * - `#/compare/datasets?ids=d1,d2&metric=…` datasets against each other.
 */

export const MAX_PANES = 4

export interface CompareQuery {
  ids: string[]
  problem: string | null
}

export function comparePath(query: Partial<CompareQuery>): string {
  const params = new URLSearchParams()
  if (query.problem) params.set('problem', query.problem)
  if (query.ids && query.ids.length > 0) params.set('ids', query.ids.join(','))
  const search = params.toString()
  return `/compare${search ? `?${search}` : ''}`
}

export function parseCompareQuery(search: string): CompareQuery {
  const params = new URLSearchParams(search)
  return { ids: listParam(params.get('ids')), problem: params.get('problem') || null }
}

export interface DatasetCompareQuery {
  datasetIds: string[]
  metric: string | null
}

export function datasetComparePath(datasetIds: readonly string[], metric?: string): string {
  const params = new URLSearchParams()
  if (datasetIds.length > 0) params.set('ids', datasetIds.join(','))
  if (metric) params.set('metric', metric)
  const search = params.toString()
  return `/compare/datasets${search ? `?${search}` : ''}`
}

export function parseDatasetCompareQuery(search: string): DatasetCompareQuery {
  const params = new URLSearchParams(search)
  return { datasetIds: listParam(params.get('ids')), metric: params.get('metric') || null }
}

/** `a,b,,c` → `[a, b, c]`, duplicates dropped (a pane per trace). */
function listParam(value: string | null): string[] {
  if (!value) return []
  return [...new Set(value.split(',').filter(Boolean))]
}
