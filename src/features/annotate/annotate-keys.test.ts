import { describe, expect, it } from 'vitest'
import { RESERVED_KEYS } from '../../lib/annotate/taxonomy-edit'
import { ANNOTATE_SHORTCUTS, MOVE_KEYS, STATUS_KEYS } from './annotate-keys'

describe('annotate keys', () => {
  it('labels may not take any key the annotate keyboard uses', () => {
    const used = [
      ...Object.values(MOVE_KEYS).flatMap((m) => Object.values(m) as string[]),
      ...Object.keys(STATUS_KEYS),
      ...ANNOTATE_SHORTCUTS.flatMap((s) => s.keys).filter((k) => k.length === 1),
    ]
    for (const key of used) expect(RESERVED_KEYS.has(key), key).toBe(true)
  })

  it('no key is listed twice', () => {
    const keys = ANNOTATE_SHORTCUTS.flatMap((s) => s.keys)
    expect(new Set(keys).size).toBe(keys.length)
  })
})
