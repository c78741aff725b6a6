/**
 * Which links an import may fetch (issue #12): `https:` anywhere, `http:` only on this machine
 * (localhost), nothing else (no `data:`, whose rows a link's author writes under any name; no
 * `blob:`, `file:` or `javascript:`). Checked by the page before it asks, and again by the worker
 * before it fetches, so both obey the same rule.
 */
export type UrlCheck = { ok: true; url: string; host: string } | { ok: false; message: string }

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1'])

/** The default download limit the user confirms (and may raise) before a URL import. */
export const DEFAULT_DOWNLOAD_LIMIT = 512 * 1024 * 1024

function shown(raw: string): string {
  return raw.length > 120 ? `${raw.slice(0, 120)}…` : raw
}

export function checkImportUrl(raw: string): UrlCheck {
  const text = raw.trim()
  if (!text) return { ok: false, message: 'No URL given: paste a link that starts with https://.' }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return {
      ok: false,
      message: `"${shown(text)}" is not a full URL: a dataset link must start with https:// (for example https://huggingface.co/datasets/…/resolve/main/data.parquet).`,
    }
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'javascript:')
    return {
      ok: false,
      message: `"${shown(text)}": ${url.protocol} links are refused (a link must point to a file on a server, not carry its own rows). Download the file and import it from disk instead.`,
    }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname))
    return {
      ok: false,
      message: `"${shown(text)}": plain http:// is refused (anyone on the way could read or change the data); use the https:// address. http:// is accepted only for localhost.`,
    }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      ok: false,
      message: `"${shown(text)}": only https:// links can be imported (${url.protocol} is not).`,
    }
  if (url.username || url.password)
    return {
      ok: false,
      message: `"${url.host}": links with a user name or password in them are refused.`,
    }
  return { ok: true, url: url.href, host: url.host }
}
