/** Human-readable numbers for progress and listings. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`
}

/**
 * A count with en-US digit grouping. Integers are grouped here, not by `toLocaleString`: the
 * first locale call of a page sets up number formatting, which cost the reader's first paint
 * tens of ms (#14). The same text as `toLocaleString('en-US')` (a property test holds it).
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US')
  const digits = String(Math.abs(n))
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1)
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`
  return n < 0 ? `-${out}` : out
}

/** Rate and time left of a stream of bytes, or null before there is enough to tell. */
export function estimateRemaining(bytes: number, totalBytes: number, elapsedMs: number) {
  if (bytes <= 0 || elapsedMs < 250) return null
  const bytesPerSecond = (bytes / elapsedMs) * 1000
  return { bytesPerSecond, remainingMs: ((totalBytes - bytes) / bytesPerSecond) * 1000 }
}
