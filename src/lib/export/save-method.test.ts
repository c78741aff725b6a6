import { describe, expect, it } from 'vitest'
import { canPickSaveFile, pickerTypes, saveMethod } from './save-method'

describe('saveMethod', () => {
  const picker = () => undefined
  const win = { isSecureContext: true }
  const top = { self: win, top: win }

  it('streams into a picked file where the browser has showSaveFilePicker', () => {
    expect(saveMethod({ showSaveFilePicker: picker, ...top, isSecureContext: true }, true)).toBe(
      'file-system-access',
    )
  })

  it('downloads where it has not (Firefox, Safari), or where the user asked for a download', () => {
    expect(saveMethod({ isSecureContext: true }, true)).toBe('download')
    expect(saveMethod({ showSaveFilePicker: picker, isSecureContext: true }, false)).toBe(
      'download',
    )
  })

  it('downloads from an insecure page or from inside a frame, where the picker is refused', () => {
    expect(canPickSaveFile({ showSaveFilePicker: picker, isSecureContext: false })).toBe(false)
    expect(canPickSaveFile({ showSaveFilePicker: picker, self: {}, top: {} })).toBe(false)
    expect(canPickSaveFile({ showSaveFilePicker: 'not a function' })).toBe(false)
  })

  it('offers the format’s type and extension in the picker', () => {
    expect(pickerTypes('doccano JSONL', 'application/x-ndjson', 'jsonl')).toEqual([
      { description: 'doccano JSONL', accept: { 'application/x-ndjson': ['.jsonl'] } },
    ])
  })
})
