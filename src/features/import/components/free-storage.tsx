import { removeDataset, useReadyDatasets } from '../../../data/datasets'
import { SafeText } from '../../../components/safe-text/safe-text'
import { showBidiControls } from '../../../lib/text/bidi'
import { formatBytes, formatCount } from '../../../lib/text/format'

/**
 * Offered when an import found storage full (issue #12): the stored datasets, largest first, each
 * with its size and a Delete button (which asks first), so space can be freed where the user is.
 */
export function FreeStorage() {
  const datasets = useReadyDatasets()
  if (!datasets || datasets.length === 0) return null
  const largest = [...datasets].sort((a, b) => b.textChars - a.textChars)
  return (
    <div className="free-storage">
      <p>Datasets you could delete to make room (largest first):</p>
      <ul>
        {largest.map((d) => (
          <li key={d.id}>
            <SafeText text={d.name} /> · {formatCount(d.traceCount)} traces, about{' '}
            {formatBytes(d.textChars)} of text{' '}
            <button
              type="button"
              aria-label={`Delete ${showBidiControls(d.name)} to free space`}
              onClick={() => {
                const ok = window.confirm(
                  `Delete "${showBidiControls(d.name)}" with its ${formatCount(d.traceCount)} traces and all their annotations?`,
                )
                if (ok) void removeDataset(d)
              }}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
