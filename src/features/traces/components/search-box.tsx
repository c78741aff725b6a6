import { formatCount } from '../../../lib/text/format'
import { MIN_QUERY_LENGTH } from '../../../lib/text/text-search'
import { useSearchStore } from '../../../stores/search-store'

/** Text search in problems and reasonings; the scan runs in a worker and hits stream in. */
export function SearchBox({ total }: { total: number }) {
  const query = useSearchStore((s) => s.query)
  const setQuery = useSearchStore((s) => s.setQuery)
  const phase = useSearchStore((s) => s.phase)
  const scanned = useSearchStore((s) => s.scanned)
  const hits = useSearchStore((s) => s.hits)
  const status =
    phase === 'searching'
      ? `searching… ${formatCount(hits)} hits (${formatCount(scanned)} of ${formatCount(total)} scanned)`
      : phase === 'done'
        ? `${formatCount(hits)} hits`
        : phase === 'failed'
          ? 'search failed'
          : ''
  return (
    <div className="search-box">
      <input
        type="search"
        value={query}
        placeholder="Search problems and reasoning"
        aria-label="Search problems and reasoning"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
        size={32}
      />
      <span className="muted small" role="status" aria-live="polite" data-testid="search-status">
        {query.trim().length > 0 && query.trim().length < MIN_QUERY_LENGTH
          ? `type ${MIN_QUERY_LENGTH} characters or more`
          : status}
      </span>
    </div>
  )
}
