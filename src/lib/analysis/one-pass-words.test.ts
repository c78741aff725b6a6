import { describe, expect, it } from 'vitest'
import { countWords } from './one-pass'

describe('countWords', () => {
  it('counts runs of non-space characters that hold a letter or digit', () => {
    expect(countWords('Wait, x=3 -- so  the\tanswer\r\nis 5.')).toBe(7)
    expect(countWords('-- ** ... ✅ 😀')).toBe(0)
    expect(countWords('')).toBe(0)
    expect(countWords('   \n ')).toBe(0)
  })

  it('counts letters and digits of any script', () => {
    expect(countWords('naïve café Ж٣ 𝑥 ✔️ok')).toBe(5)
  })

  it('counts each CJK character as a word, splitting glued Latin runs', () => {
    expect(countWords('我们继续')).toBe(4)
    expect(countWords('supply chain利益相关者参与。')).toBe(9)
    expect(countWords('Alternatively，也许 ok')).toBe(4)
    expect(countWords('カタカナ 한국어 ひら')).toBe(9)
  })
})
