/** Types of generate.mjs, for the bench pages written in TypeScript. */
export { makeTrace, type GeneratedTrace } from './synthetic-trace.mjs'

export function ensureDataset(options: {
  traces: number
  chars?: number
  seed?: number
  dir?: string
}): Promise<{ path: string; bytes: number }>
