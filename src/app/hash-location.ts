import { useSyncExternalStore } from 'react'
import { useHashLocation } from 'wouter/use-hash-location'

/**
 * Hash routing with a query: `#/import?url=…` routes as `/import`, and the part after `?` is
 * read with useHashQuery. (wouter's own hash hook keeps the query in the path, so no route
 * would match.)
 */
export const useHashPath = Object.assign(
  (): ReturnType<typeof useHashLocation> => {
    const [location, navigate] = useHashLocation()
    return [location.split('?')[0] ?? '/', navigate]
  },
  { hrefs: (href: string) => `#${href}` },
)

const subscribe = (onChange: () => void) => {
  addEventListener('hashchange', onChange)
  return () => removeEventListener('hashchange', onChange)
}
const hashQuery = () => location.hash.split('?')[1] ?? ''

/** The query part of the hash, e.g. `url=…` of `#/import?url=…`. */
export function useHashQuery(): URLSearchParams {
  const query = useSyncExternalStore(subscribe, hashQuery)
  return new URLSearchParams(query)
}
