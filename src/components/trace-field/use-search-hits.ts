import { useMemo } from 'react'
import { compileQuery, findMatches } from '../../lib/text/text-search'

/** Where the table's text search matches in one text (the same matcher the search worker uses). */
export function useSearchHits(text: string, query: string) {
  return useMemo(() => {
    const re = compileQuery(query)
    return re ? findMatches(text, re) : []
  }, [text, query])
}
