import { formatBytes } from '../text/format'

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

/**
 * The size a file will have once read: for gzip, the ISIZE trailer (the uncompressed length
 * modulo 4 GiB), trusted only when the file is under 4 GiB and the trailer is at least the
 * compressed size (else it wrapped); otherwise the file's own size.
 */
export async function uncompressedSize(file: Blob): Promise<number> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer())
  if (file.size < 18 || head[0] !== 0x1f || head[1] !== 0x8b) return file.size
  const tail = new DataView(await file.slice(file.size - 4).arrayBuffer())
  const isize = tail.getUint32(0, true)
  return file.size < 2 ** 32 && isize >= file.size ? isize : file.size
}
