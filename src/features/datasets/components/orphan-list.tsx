import { lazy, Suspense } from 'react'
import { useOrphanSpans } from '../../../data/orphans'

// The table's code loads only when there are orphans (#14: first-screen JavaScript).
const OrphanTable = lazy(() => import('./orphan-table').then((m) => ({ default: m.OrphanTable })))

/** Spans whose trace a replacement removed: listed with where they came from, until deleted. */
export function OrphanList() {
  const orphans = useOrphanSpans()
  if (!orphans?.length) return null
  return (
    <Suspense fallback={null}>
      <OrphanTable orphans={orphans} />
    </Suspense>
  )
}
