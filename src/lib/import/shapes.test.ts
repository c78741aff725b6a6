import { describe, expect, it } from 'vitest'
import { detectFieldMap } from './detect-fields'
import { mapRecord } from './map-records'
import { CHAT_FIELDS, detectShape, flattenRecord, PART_FIELD } from './shapes'

const long = (s: string) => `${s} ${'and so on, step by step. '.repeat(4)}`

describe('detectShape and flattenRecord', () => {
  it('keeps flat records flat', () => {
    const r = { problem: 'p', reasoning: long('Wait') }
    expect(detectShape([r])).toEqual({ kind: 'flat' })
    expect(flattenRecord(r, { kind: 'flat' })).toEqual([r])
  })

  it('reads OpenAI messages: the last assistant turn is the trace, the user turn before it the problem', () => {
    const r = {
      messages: [
        { role: 'system', content: 'Be careful.' },
        { role: 'user', content: 'First question' },
        { role: 'assistant', content: 'First answer' },
        { role: 'user', content: 'What is 2+2?' },
        { role: 'assistant', content: '<think>Hmm, 2+2. Wait, 4.</think>The answer is 4.' },
      ],
    }
    const shape = detectShape([r])
    expect(shape).toEqual({ kind: 'chat', fields: ['messages'] })
    const [flat] = flattenRecord(r, shape)
    expect(flat![CHAT_FIELDS.problem]).toBe('What is 2+2?')
    expect(flat![CHAT_FIELDS.system]).toBe('Be careful.')
    const map = detectFieldMap([flat!])
    expect(map).toMatchObject({ problem: CHAT_FIELDS.problem, reasoning: CHAT_FIELDS.reasoning })
    const [trace] = mapRecord(r, { shape, fieldMap: map }, 1)
    expect(trace).toMatchObject({
      problem: 'What is 2+2?',
      reasoning: 'Hmm, 2+2. Wait, 4.',
      answer: 'The answer is 4.',
    })
    // The conversation itself is kept, verbatim.
    expect(trace!.extra.messages).toEqual(r.messages)
  })

  it('reads ShareGPT conversations and a separate reasoning_content', () => {
    const sharegpt = {
      conversations: [
        { from: 'human', value: 'Solve x+1=3' },
        {
          from: 'gpt',
          value:
            '<|begin_of_thought|>Alternatively x=2<|end_of_thought|><|begin_of_solution|>x=2<|end_of_solution|>',
        },
      ],
    }
    const shape = detectShape([sharegpt])
    const [t] = mapRecord(
      sharegpt,
      { shape, fieldMap: detectFieldMap(flattenRecord(sharegpt, shape)) },
      1,
    )
    expect(t).toMatchObject({
      problem: 'Solve x+1=3',
      reasoning: 'Alternatively x=2',
      answer: 'x=2',
    })

    const openai = {
      messages: [
        { role: 'user', content: 'Q' },
        { role: 'assistant', content: 'Final: 7', reasoning_content: 'Let me check: 3+4=7.' },
      ],
    }
    const s2 = detectShape([openai])
    const [u] = mapRecord(
      openai,
      { shape: s2, fieldMap: detectFieldMap(flattenRecord(openai, s2)) },
      1,
    )
    expect(u).toMatchObject({ problem: 'Q', reasoning: 'Let me check: 3+4=7.', answer: 'Final: 7' })
  })

  it('joins a conversation split over prompt and completion (verifiers rollouts)', () => {
    const r = {
      prompt: [
        { role: 'system', content: 'Play Wordle.' },
        { role: 'user', content: 'Guess a word.' },
      ],
      completion: [
        { role: 'assistant', content: '<think>Maybe CRANE.</think><guess>[crane]</guess>' },
        { role: 'user', content: 'Feedback: C is yellow.' },
        { role: 'assistant', content: '<think>Hmm, C elsewhere.</think><guess>[cloth]</guess>' },
      ],
      answer: 'cloth',
    }
    const shape = detectShape([r])
    expect(shape).toEqual({ kind: 'chat', fields: ['prompt', 'completion'] })
    const [t] = mapRecord(r, { shape, fieldMap: detectFieldMap(flattenRecord(r, shape)) }, 1)
    expect(t).toMatchObject({
      problem: 'Feedback: C is yellow.',
      reasoning: 'Hmm, C elsewhere.',
      answer: '<guess>[cloth]</guess>',
      gold: 'cloth',
    })
  })

  it('splits list-valued generations into one trace each, with their parallel correctness', () => {
    const r = {
      id: 'q7',
      problem: 'Find n.',
      generations: [
        long('<think>Wait, n=1</think>\\boxed{1}'),
        long('<think>Hmm n=2</think>\\boxed{2}'),
      ],
      correctness_math_verify: [false, true],
      answer: '2',
    }
    const shape = detectShape([r])
    expect(shape).toEqual({ kind: 'generations', field: 'generations' })
    const flat = flattenRecord(r, shape)
    expect(flat.map((f) => f[PART_FIELD])).toEqual(['0', '1'])
    const traces = mapRecord(r, { shape, fieldMap: detectFieldMap(flat) }, 1)
    expect(traces.map((t) => [t.key, t.correct])).toEqual([
      ['q7#0', false],
      ['q7#1', true],
    ])
  })

  it('joins a list of thinking pieces into one trace (thinking_trajectories)', () => {
    const r = {
      question: 'Q',
      thinking_trajectories: [long('Part one.'), long('Wait, part two.')],
      attempt: 'A',
    }
    const shape = detectShape([r])
    expect(shape).toEqual({ kind: 'flat' })
    const [t] = mapRecord(r, { shape, fieldMap: detectFieldMap([r]) }, 1)
    expect(t!.reasoning).toBe(`${r.thinking_trajectories[0]}\n\n${r.thinking_trajectories[1]}`)
  })

  it('splits responses keyed by sampling temperature into one trace each', () => {
    const r = {
      id: 'p1',
      responses: {
        '0.6': { reasoning_content: long('Wait, low temperature.'), content: 'A' },
        '1.0': { reasoning_content: long('Hmm, high temperature.'), content: 'B' },
      },
    }
    const shape = detectShape([r])
    expect(shape).toEqual({ kind: 'nested', field: 'responses' })
    const flat = flattenRecord(r, shape)
    const traces = mapRecord(r, { shape, fieldMap: detectFieldMap(flat) }, 1)
    expect(traces.map((t) => [t.key, t.answer])).toEqual([
      ['p1#0.6', 'A'],
      ['p1#1.0', 'B'],
    ])
    expect(traces[0]!.reasoning).toMatch(/^Wait, low temperature/)
  })
})
