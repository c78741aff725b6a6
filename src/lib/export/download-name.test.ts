import { describe, expect, it } from 'vitest'
import { datasetSlug, exportFileName } from './download-name'

const day = new Date(2026, 10, 21, 23, 59)

describe('exportFileName', () => {
  it('builds tracemark-<slug>-<date>.<ext>', () => {
    expect(exportFileName('Sky-T1 AIME 2024', 'jsonl', day)).toBe(
      'tracemark-sky-t1-aime-2024-2026-11-21.jsonl',
    )
    expect(exportFileName('brat', '.zip', day)).toBe('tracemark-brat-2026-11-21.zip')
    expect(exportFileName('x', 'tar.gz', day)).toBe('tracemark-x-2026-11-21.tar.gz')
    expect(exportFileName('x', '', new Date(2027, 0, 5))).toBe('tracemark-x-2027-01-05')
  })

  it('removes path separators, dots and reserved characters', () => {
    expect(exportFileName('../../etc/passwd', 'jsonl', day)).toBe(
      'tracemark-etc-passwd-2026-11-21.jsonl',
    )
    expect(exportFileName('a<b>:"c"|d?*\\e\u0000f', 'csv', day)).toBe(
      'tracemark-a-b-c-d-e-f-2026-11-21.csv',
    )
    expect(exportFileName('x', '/../js', day)).toBe('tracemark-x-2026-11-21.js')
  })
})

describe('datasetSlug', () => {
  it('keeps letters of any script and folds compatibility forms', () => {
    expect(datasetSlug('思考 Traces')).toBe('思考-traces')
    expect(datasetSlug('Ｑｗｅｎ３ café')).toBe('qwen3-café')
    expect(datasetSlug('हिन्दी')).toBe('हिन्दी')
  })

  it('falls back when nothing is left, and bounds the length', () => {
    expect(datasetSlug('😀 !!! ...')).toBe('dataset')
    expect(datasetSlug('')).toBe('dataset')
    expect(datasetSlug('𠀋'.repeat(80))).toBe('𠀋'.repeat(60))
    expect(datasetSlug(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59))
  })
})
