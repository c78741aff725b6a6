import { formatBytes } from '../text/format'

export { uncompressedSize } from './formats/byte-source'

/**
 * Storage full (issue #12): "QuotaExceededError" alone tells the user nothing. The message says
 * that storage is full, how much the import needs (an estimate) against what is left, and what to
 * do. Browsers report the error under several names (DOMException, Dexie's wrapper).
 */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { name, message, inner } = error as { name?: unknown; message?: unknown; inner?: unknown }
  return (
    name === 'QuotaExceededError' ||
    (typeof message === 'string' && /quota ?exceeded/i.test(message)) ||
    (inner !== undefined && isQuotaError(inner))
  )
}

export interface StorageFigures {
  /** Bytes the import needs: an estimate from the file (uncompressed) size. */
  needed: number
  usage: number | null
  quota: number | null
}

export function quotaMessage(fileName: string, s: StorageFigures): string {
  const left = s.quota !== null && s.usage !== null ? Math.max(0, s.quota - s.usage) : null
  const room =
    left === null
      ? 'the browser did not say how much is left'
      : `about ${formatBytes(left)} is left (${formatBytes(s.usage!)} used of about ${formatBytes(s.quota!)})`
  return `Browser storage is full: importing ${fileName} needs about ${formatBytes(s.needed)} (an estimate from the file's size), and ${room}. Nothing of this import was kept. Delete datasets you no longer need, then import again.`
}
