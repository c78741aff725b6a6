import { lazy, Suspense } from 'react'
import { useDatasetNames, usePendingImports } from '../../../data/pending-imports'

// A card's code loads only when an import is waiting (#14: first-screen JavaScript).
const PendingCard = lazy(() => import('./pending-card').then((m) => ({ default: m.PendingCard })))
/**
 * The decisions imports are waiting on, read from the database: they come back after any
 * navigation or reload until the user answers. The traces stay invisible until kept.
 */
export function PendingImports() {
  const pending = usePendingImports()
  const names = useDatasetNames()
  if (!pending?.length) return null
  return (
    <Suspense fallback={null}>
      {pending.map((d) => (
        <PendingCard key={d.id} dataset={d} replacedName={names?.get(d.pending?.replaces ?? '')} />
      ))}
    </Suspense>
  )
}
