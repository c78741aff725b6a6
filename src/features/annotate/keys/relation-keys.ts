/** v / V and Delete on relations: select one in the list, remove it. */
import { commitSpans } from '../../../data/annotations'
import type { Relation } from '../../../lib/traces/trace-model'
import { useUiStore } from '../../../stores/ui-store'
import type { AnnotateKeysOptions } from './key-context'

/** The relation selected in the list, when it still exists. */
export function selectedRelation(o: AnnotateKeysOptions): Relation | undefined {
  const id = useUiStore.getState().selectedRelationId
  return id ? o.relations?.find((r) => r.id === id) : undefined
}

/** `v` / `V`: selects the next or previous relation of the list (wrapping round). */
export function stepRelation(dir: 1 | -1, o: AnnotateKeysOptions): boolean {
  const list = o.relations ?? []
  if (list.length === 0) {
    o.onMessage('No relations yet (c on a span, c on another, then 1, 2 or 3).')
    return true
  }
  const current = selectedRelation(o)
  const at = current ? list.indexOf(current) : dir === 1 ? -1 : list.length
  const next = list[(at + dir + list.length) % list.length]!
  useUiStore.getState().selectRelation(next.id)
  o.onMessage(`Relation ${describeRelation(next, o)}: Delete removes it.`)
  return true
}

export function deleteRelation(
  relation: Relation,
  o: AnnotateKeysOptions,
  traceId: string,
): boolean {
  useUiStore.getState().selectRelation(null)
  o.onMessage(`Deleted the relation ${describeRelation(relation, o)}.`)
  void commitSpans(`delete the relation ${relation.label}`, {
    traceId,
    removeRelations: [relation.id],
  })
  return true
}

export function describeRelation(r: Relation, o: Pick<AnnotateKeysOptions, 'annotations'>): string {
  const quote = (id: string) => o.annotations.find((a) => a.id === id)?.quote.slice(0, 24) ?? '?'
  return `“${quote(r.from)}” ${r.label} “${quote(r.to)}”`
}
