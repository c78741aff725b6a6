import { lazy, Suspense, type ComponentProps } from 'react'

// The export dialog (every format's options) loads when first shown, not with the app: the
// Datasets page is the first screen (#14: first-screen JavaScript).
const ExportMore = lazy(() => import('./export-more').then((m) => ({ default: m.ExportMore })))

/** ExportMore, loaded on demand. */
export function LazyExportMore(props: ComponentProps<typeof ExportMore>) {
  return (
    <Suspense fallback={null}>
      <ExportMore {...props} />
    </Suspense>
  )
}
