import { describe, expect, it } from 'vitest'
import { splitThought } from './thought-markers'

describe('splitThought', () => {
  it('returns null for a text without markers', () => {
    expect(splitThought('Just an answer: 42')).toBeNull()
    expect(splitThought('')).toBeNull()
  })

  describe('<think>', () => {
    it('splits a closed block: inside is the reasoning, after it the answer', () => {
      expect(splitThought('<think>\nLet me add.\n</think>\n\nThe answer is 5.')).toMatchObject({
        reasoning: 'Let me add.',
        answer: 'The answer is 5.',
        marker: 'think',
      })
    })

    it('keeps text before the block in the answer', () => {
      expect(splitThought('Sure. <think>hmm</think> Done.')).toMatchObject({
        reasoning: 'hmm',
        answer: 'Sure.  Done.',
      })
    })

    it('runs an unclosed block (length limit hit) to the end, with no answer', () => {
      expect(splitThought('<think>\nOkay, so first I need to')).toMatchObject({
        reasoning: 'Okay, so first I need to',
        answer: '',
        marker: 'think',
      })
    })

    it('reads a lone </think> as the end of a block the prompt opened', () => {
      expect(splitThought('Okay, so the sum is 5.\n</think>\n\n\\boxed{5}')).toMatchObject({
        reasoning: 'Okay, so the sum is 5.',
        answer: '\\boxed{5}',
        marker: 'think',
      })
    })

    it('gives an empty reasoning for an empty block (thinking switched off)', () => {
      expect(splitThought('<think>\n\n</think>\n\nHello')).toMatchObject({
        reasoning: '',
        answer: 'Hello',
        marker: 'think',
      })
    })

    it('ends the block at the first </think> after the opening', () => {
      expect(splitThought('<think>a</think>b</think>c')).toMatchObject({
        reasoning: 'a',
        answer: 'b</think>c',
      })
    })
  })

  describe('SkyThought <|begin_of_thought|>', () => {
    const thought = 'So I have this problem.\n\nWait, let me check.'
    const solution = 'The walk takes $\\boxed{204}$ minutes.'

    it('splits the thought from the solution and drops the solution markers', () => {
      const text = `<|begin_of_thought|>\n\n${thought}\n\n<|end_of_thought|>\n\n<|begin_of_solution|>\n\n${solution}\n\n<|end_of_solution|>`
      expect(splitThought(text)).toMatchObject({
        reasoning: thought,
        answer: solution,
        marker: 'begin_of_thought',
      })
    })

    it('runs an unterminated thought to the end, with no solution', () => {
      const text = `<|begin_of_thought|>\n\n${thought} So, so, so`
      expect(splitThought(text)).toMatchObject({
        reasoning: `${thought} So, so, so`,
        answer: '',
        marker: 'begin_of_thought',
      })
    })

    it('takes precedence over a <think> quoted inside the thought', () => {
      const text = `<|begin_of_thought|>the tag <think> is HTML-like<|end_of_thought|>ok`
      expect(splitThought(text)).toMatchObject({
        reasoning: 'the tag <think> is HTML-like',
        answer: 'ok',
        marker: 'begin_of_thought',
      })
    })
  })

  describe('<|im_start|>think', () => {
    it('splits at <|im_start|>answer', () => {
      const text = '<|im_start|>think\nFirst, 2 + 2 = 4.\n<|im_start|>answer\nAnswer: 4'
      expect(splitThought(text)).toMatchObject({
        reasoning: 'First, 2 + 2 = 4.',
        answer: 'Answer: 4',
        marker: 'im_start think',
      })
    })

    it('runs a block without <|im_start|>answer to the end', () => {
      expect(splitThought('<|im_start|>think\nStill thinking')).toMatchObject({
        reasoning: 'Still thinking',
        answer: '',
        marker: 'im_start think',
      })
    })
  })

  it('passes emoji and CJK through unchanged', () => {
    const reasoning = '也许我需要考虑问题 😀 ✔️ 👩‍👩‍👧'
    const answer = '答案是 ✅ 𠮷'
    expect(splitThought(`<think>${reasoning}</think>${answer}`)).toMatchObject({
      reasoning,
      answer,
    })
    expect(
      splitThought(
        `<|begin_of_thought|>${reasoning}<|end_of_thought|><|begin_of_solution|>${answer}<|end_of_solution|>`,
      ),
    ).toMatchObject({ reasoning, answer })
  })

  it('keeps inner line breaks and trims only the edges', () => {
    expect(splitThought('<think>\r\n a\r\n\r\nb \r\n</think>x')?.reasoning).toBe('a\r\n\r\nb')
  })

  it('finds no block in a text without markers, with or without a "<" in it', () => {
    expect(splitThought('Wait, so x is 3.')).toBeNull()
    expect(splitThought('Since 2 < 3 and 3 > 2, hmm.')).toBeNull()
    expect(splitThought('2 < 3 <think>so</think> yes')).toMatchObject({
      reasoning: 'so',
      answer: '2 < 3  yes',
    })
  })
})
