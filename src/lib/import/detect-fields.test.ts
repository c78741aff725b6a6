import { describe, expect, it } from 'vitest'
import { detectFieldMap, explainMissingReasoning, isTextish } from './detect-fields'

const LONG = 'Okay, let me think about this step by step. First, the sum is 5. '.repeat(3)

describe('detectFieldMap by names', () => {
  it('maps the usual flat names and drops the fields it did not find', () => {
    const samples = [
      { id: 7, problem: 'p', reasoning: 'r', answer: 'a', model: 'm', correct: true, x: 1 },
      { id: 8, problem: 'q', reasoning: 's', answer: 'b', model: 'm', correct: false, x: 2 },
    ]
    expect(detectFieldMap(samples)).toStrictEqual({
      reasoning: 'reasoning',
      answer: 'answer',
      problem: 'problem',
      id: 'id',
      model: 'model',
      correct: 'correct',
    })
  })

  it('reads the DeepSeek API shape: reasoning_content and content', () => {
    const samples = [{ question: 'q', reasoning_content: 'r', content: 'c', uuid: 'u1' }]
    expect(detectFieldMap(samples)).toStrictEqual({
      reasoning: 'reasoning_content',
      answer: 'content',
      problem: 'question',
      id: 'uuid',
    })
  })

  it('takes `answer` as the gold answer when a separate response exists', () => {
    const samples = [{ prompt: 'p', thinking: 'r', response: 'resp', answer: '42' }]
    expect(detectFieldMap(samples)).toMatchObject({ answer: 'response', gold: 'answer' })
  })

  it('takes `answer` as the model’s answer beside a named reasoning without markers', () => {
    const samples = [{ question: 'q', thinking: 'r', answer: 'a', ground_truth: 'g' }]
    expect(detectFieldMap(samples)).toMatchObject({ answer: 'answer', gold: 'ground_truth' })
  })

  it('accepts a list of texts (thinking_trajectories) as text', () => {
    const samples = [{ question: 'q', thinking_trajectories: ['a', 'b'], attempt: 'x' }]
    expect(detectFieldMap(samples)).toMatchObject({
      reasoning: 'thinking_trajectories',
      answer: 'attempt',
    })
  })

  it('counts a name only when at least half the samples hold text there', () => {
    const samples = [
      { reasoning: 'r', trace: 't' },
      { reasoning: 3, trace: 't' },
      { reasoning: null, trace: 't' },
    ]
    expect(detectFieldMap(samples).reasoning).toBe('trace')
    expect(detectFieldMap(samples.slice(0, 2)).reasoning).toBe('reasoning')
  })

  it('takes a correctness flag only from booleans', () => {
    expect(detectFieldMap([{ reasoning: 'r', correct: 'yes' }]).correct).toBeUndefined()
    expect(detectFieldMap([{ reasoning: 'r', is_correct: false }]).correct).toBe('is_correct')
  })

  it('finds nothing in no samples', () => {
    expect(detectFieldMap([])).toStrictEqual({})
  })
})

describe('detectFieldMap by values', () => {
  it('takes a field whose values hold thought markers as the reasoning', () => {
    const samples = [
      { prompt: 'p', completion: '<think>r</think>a', note: LONG },
      { prompt: 'q', completion: 'r2</think>a2', note: LONG },
    ]
    expect(detectFieldMap(samples)).toStrictEqual({ reasoning: 'completion', problem: 'prompt' })
  })

  it('finds markers inside a list of outputs', () => {
    const samples = [{ question: 'q', code: ['<|begin_of_thought|>r<|end_of_thought|>'], x: LONG }]
    expect(detectFieldMap(samples).reasoning).toBe('code')
  })

  it('takes an answer-named field holding the whole output with markers as the reasoning', () => {
    const samples = [{ input: 'p', output: '<think>r</think>a' }]
    expect(detectFieldMap(samples)).toStrictEqual({ reasoning: 'output', problem: 'input' })
  })

  it('reads `answer` as the gold one when the reasoning carries its own answer after markers', () => {
    const samples = [{ problem: 'p', generation: '<think>r</think>\\boxed{5}', answer: '5' }]
    expect(detectFieldMap(samples)).toStrictEqual({
      reasoning: 'generation',
      problem: 'problem',
      gold: 'answer',
    })
  })

  it('never takes a text with thought markers as the gold answer', () => {
    const samples = [{ prompt: 'p <think>', solution: 'r</think>\\boxed{5}', is_correct: true }]
    const map = detectFieldMap(samples)
    expect(map.reasoning).toBe('solution')
    expect(map.gold).toBeUndefined()
  })

  it('else takes the longest free-text field, skipping reference fields by name', () => {
    // `gt` is the gold answer, so the longer `solution` is still unmapped (as in SkyThought).
    const samples = [
      {
        question: 'q',
        gt: '5',
        solution: `${LONG}${LONG}`,
        model_output: LONG,
        tag: 'short',
        n: 5,
      },
    ]
    expect(detectFieldMap(samples)).toStrictEqual({
      reasoning: 'model_output',
      problem: 'question',
      gold: 'gt',
    })
  })

  it('reads `answer` as gold beside a reasoning found by value', () => {
    const samples = [{ question: 'q', output_text: LONG, answer: '204' }]
    expect(detectFieldMap(samples)).toMatchObject({ reasoning: 'output_text', gold: 'answer' })
    expect(detectFieldMap(samples).answer).toBeUndefined()
  })

  it('takes no field of a few characters per row as the reasoning', () => {
    const short = 'x'.repeat(39)
    expect(detectFieldMap([{ label: short }]).reasoning).toBeUndefined()
    expect(detectFieldMap([{ label: `${short}x` }]).reasoning).toBe('label')
  })
})

describe('isTextish', () => {
  it('accepts a string or a list of strings only', () => {
    expect(isTextish('')).toBe(true)
    expect(isTextish(['a', '😀'])).toBe(true)
    expect(isTextish([])).toBe(true)
    expect(isTextish(['a', 1])).toBe(false)
    expect(isTextish(1)).toBe(false)
    expect(isTextish({ text: 'a' })).toBe(false)
    expect(isTextish(null)).toBe(false)
  })
})

describe('explainMissingReasoning (#12)', () => {
  it('says that the reasoning field holds numbers, not that none was found', () => {
    const samples = [
      { id: 1, reasoning: 3.5 },
      { id: 2, reasoning: 4 },
      { id: 3, reasoning: 'text' },
    ]
    expect(detectFieldMap(samples).reasoning).toBeUndefined()
    expect(explainMissingReasoning(samples)).toMatch(
      /^The "reasoning" field holds numbers \(2 of the 3 records read that have it\), not text/,
    )
  })

  it('names the reasoning names when no field has one', () => {
    expect(explainMissingReasoning([{ id: 1, body: 7 }])).toMatch(/^No field has a reasoning name/)
  })
})
