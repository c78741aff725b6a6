import { useState } from 'react'
import { SafeText } from '../../../components/safe-text/safe-text'
import { DEFAULT_DOWNLOAD_LIMIT } from '../../../lib/import/url-policy'
import { formatBytes } from '../../../lib/text/format'
import type { Importer } from '../use-import'

const MB = 1024 * 1024

/**
 * Asked before any URL import (a pasted link or a shared `#/import?url=` link): which host, and
 * the most the download may hold (in memory). Nothing is fetched before "Download".
 */
export function UrlQuestion({
  importer,
  url,
  host,
  limit: initial = DEFAULT_DOWNLOAD_LIMIT,
  tooLarge,
}: {
  importer: Importer
  url: string
  host: string
  limit?: number
  /** Set when a first try went past the limit: what happened. */
  tooLarge?: { bytes: number; limit: number; declared: boolean }
}) {
  const [limitMb, setLimitMb] = useState(Math.ceil(initial / MB))
  return (
    <form
      className="url-question"
      aria-label="Download from a link?"
      onSubmit={(e) => {
        e.preventDefault()
        void importer.confirmUrl(url, host, limitMb * MB)
      }}
    >
      <h3>Download from {host}?</h3>
      <p>
        <SafeText text={url} />
      </p>
      {tooLarge &&
        (tooLarge.declared ? (
          <p className="error" role="alert">
            The server says the file is {formatBytes(tooLarge.bytes)}, more than the limit of{' '}
            {formatBytes(tooLarge.limit)}. Nothing was downloaded. Raise the limit to download it.
          </p>
        ) : (
          <p className="error" role="alert">
            The download stopped at the limit of {formatBytes(tooLarge.limit)}: the file is larger
            (the server did not say how large). Nothing was kept. Raise the limit to try again.
          </p>
        ))}
      <p className="muted">
        The file is downloaded into this tab (it is held in memory until imported), then shown in a
        preview; nothing is stored before you import it.
      </p>
      <label>
        Stop the download at{' '}
        <input
          type="number"
          min={1}
          value={limitMb}
          onChange={(e) => setLimitMb(Math.max(1, Number(e.target.value) || 1))}
        />{' '}
        MB
      </label>
      <div className="preview-actions">
        <button type="submit" className="primary">
          Download
        </button>
        <button type="button" onClick={importer.dismiss}>
          Cancel
        </button>
      </div>
    </form>
  )
}
