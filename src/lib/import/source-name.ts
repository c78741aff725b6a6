/**
 * Short names for what a file holds (issue #9): dataset names default to a short form of the
 * file name, and a file that is one trace (chunks) is keyed by it.
 */

const EXTENSIONS = /\.(jsonl?|ndjson|csv|tsv|parquet)(\.gz)?$/i

/** The file name without folders and data extensions. */
export function sourceKey(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  return base.replace(EXTENSIONS, '') || base
}

/**
 * A short dataset name: the file's base name, with run-specific noise (seeds, sampling settings,
 * dates, hashes) dropped and at most `max` characters, cut at a separator.
 */
export function suggestName(fileName: string, max = 60): string {
  const key = sourceKey(fileName)
  const parts = key.split(/[_\s]+/).filter((p) => p !== '')
  const noise =
    /^(?:test|train|eval|outputs?|seed\d+|t\d+(?:\.\d+)?|s\d+|e-?\d+|-?1|\d{6,}|[0-9a-f]{12,})$/i
  const kept = parts.filter((p) => !noise.test(p))
  let name = (kept.length > 0 ? kept : parts).join('_')
  if (name.length > max) {
    const cut = name.slice(0, max)
    const at = Math.max(cut.lastIndexOf('_'), cut.lastIndexOf('-'))
    name = at >= max / 2 ? cut.slice(0, at) : cut
  }
  return name || key
}
