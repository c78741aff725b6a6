import { useSyncExternalStore } from 'react'
import { useHashLocation } from 'wouter/use-hash-location'

/**
 * Hash routing with a query: `#/import?url=…` routes as `/import`, and the part after `?` is
 * read with useHashQuery. (wouter's own hash hook keeps the query in the path, so no route
 * would match; and its navigate moves a query out of the hash into `location.search`, so
 * navigating here keeps it in the hash, where links and useHashQuery read it.)
 */
export const useHashPath = Object.assign(
  (): ReturnType<typeof useHashLocation> => {
    const [location] = useHashLocation()
    return [location.split('?')[0] ?? '/', navigateInHash]
  },
  { hrefs: (href: string) => `#${href}` },
)

function navigateInHash(to: string, options: { replace?: boolean; state?: unknown } = {}) {
  const oldURL = location.href
  const url = new URL(oldURL)
  url.hash = to.startsWith('/') ? to : `/${to}`
  history[options.replace ? 'replaceState' : 'pushState'](options.state ?? null, '', url.href)
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: url.href }))
}

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
