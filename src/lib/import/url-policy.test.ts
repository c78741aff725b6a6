import { describe, expect, it } from 'vitest'
import { checkImportUrl } from './url-policy'

describe('checkImportUrl', () => {
  it('accepts https anywhere and http on localhost only', () => {
    expect(checkImportUrl(' https://huggingface.co/d/x.parquet ')).toMatchObject({
      ok: true,
      host: 'huggingface.co',
    })
    expect(checkImportUrl('http://127.0.0.1:8080/a.jsonl')).toMatchObject({ ok: true })
    expect(checkImportUrl('http://localhost/a.jsonl')).toMatchObject({ ok: true })
    expect(checkImportUrl('http://example.com/a.jsonl')).toMatchObject({ ok: false })
  })

  it('refuses data:, blob:, javascript:, file: and credentials, saying why', () => {
    for (const raw of [
      'data:application/json,{"reasoning":"x"}',
      'blob:https://x/1',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://user:pw@example.com/a.jsonl',
    ])
      expect(checkImportUrl(raw).ok, raw).toBe(false)
    const data = checkImportUrl('data:,x')
    expect(!data.ok && data.message).toMatch(/data: links are refused/)
  })

  it('names a relative link in its message instead of "Failed to construct URL"', () => {
    const result = checkImportUrl('datasets/x.jsonl')
    expect(!result.ok && result.message).toMatch(/^"datasets\/x.jsonl" is not a full URL/)
  })
})
