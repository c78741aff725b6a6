/**
 * File names for downloads: `tracemark-<slug>-<yyyy-mm-dd>.<ext>`. The slug keeps letters and
 * digits of any script (a dataset named in Chinese keeps its name) and nothing that a file
 * system or a shell treats specially: no separators, dots, spaces, quotes or control characters.
 */

const MAX_SLUG = 60

export function datasetSlug(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '')
  // Cut by code point so that no surrogate pair is split, then drop a dash left at the cut.
  return Array.from(slug).slice(0, MAX_SLUG).join('').replace(/-+$/, '') || 'dataset'
}

/** The local calendar date, which is what the user expects to see in the name. */
function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** `ext` may be given with or without its dot: `jsonl`, `.zip`, `tar.gz`. */
export function exportFileName(datasetName: string, ext: string, date: Date): string {
  const extension = ext
    .toLowerCase()
    .replace(/[^a-z0-9.]/g, '')
    .replace(/^\.+|\.+$/g, '')
  const base = `tracemark-${datasetSlug(datasetName)}-${isoDate(date)}`
  return extension === '' ? base : `${base}.${extension}`
}
