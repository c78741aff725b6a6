/** Types of synthetic-trace.mjs, for the bench pages written in TypeScript. */
export interface GeneratedTrace {
  id: string
  problem: string
  reasoning: string
  answer: string
  gold: string
  model: string
}

export function makeTrace(i: number, chars?: number, seed?: number): GeneratedTrace
