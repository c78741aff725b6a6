import { describe, expect, it } from 'vitest'
import { splitThought } from './thought-markers'
import { truncationCause } from './truncation'

const cause = (raw: string, answer = '', finishReason?: unknown) =>
  truncationCause({ rawReasoning: raw, split: splitThought(raw), answer, finishReason })

describe('truncationCause', () => {
  it('trusts the source finish reason', () => {
    expect(cause('done.', '', 'length')).toBe('finish-reason')
    expect(cause('done.', '', ['stop', 'max_tokens'])).toBe('finish-reason')
    expect(cause('done.', '', 'stop')).toBeNull()
  })

  it('flags a thought block that never closes', () => {
    expect(cause('<|begin_of_thought|>Wait, wait, wait')).toBe('unclosed-thought')
    expect(cause('<think>Fine.</think>\\boxed{1}')).toBeNull()
    // an empty open block is not a trace cut off
    expect(cause('<think>')).toBeNull()
  })

  it('flags a text that ends mid-sentence with no answer anywhere', () => {
    expect(cause('So we add the numbers and get')).toBe('ends-mid-sentence')
    expect(cause('So we add the numbers.')).toBeNull()
    expect(cause('So the answer is 5')).toBeNull()
    expect(cause('So we add the numbers and get', 'The sum.')).toBeNull()
    expect(cause('所以我们得到。')).toBeNull()
    expect(cause('')).toBeNull()
  })
})
