/**
 * The page's side of worker jobs: one phase machine for every job (import, export, recompute,
 * search), observable from React. A controller runs one job at a time: starting again cancels
 * the run before, and a stale run's progress or result never lands.
 */
import { useState, useSyncExternalStore } from 'react'
import { JobCancelled, type JobHandle } from '../workers/worker-job'
import { notify, reasonOf } from './notify'

export type JobPhase = 'idle' | 'running' | 'cancelling' | 'done' | 'failed' | 'cancelled'

export interface JobState<P, R> {
  phase: JobPhase
  /** The last progress report of the running (or last) run. */
  progress: P | null
  /** The result of the last run that finished. */
  result: R | null
  /** Why the last run failed or was cancelled, in words for the user. */
  message: string
  /** What the last run failed with (null otherwise), for a caller that shows more than words. */
  error: unknown
  /** What the last run works on, in the user's words (from `describe`). */
  label: string
}

export interface JobOptions<A extends unknown[] = unknown[]> {
  /** Names what a run works on ("Style over Substance pivots"), kept in the state's label. */
  describe?: (...args: A) => string
  /** On failure, also raise an error notice "Could not <failureWhat>: <reason>" (with Retry). */
  failureWhat?: string
}

export type StartJob<A extends unknown[], P, R> = (
  onProgress: (p: P) => void,
  ...args: A
) => JobHandle<R>

export class JobController<A extends unknown[], P, R> {
  private state: JobState<P, R> = {
    phase: 'idle',
    progress: null,
    result: null,
    message: '',
    error: null,
    label: '',
  }
  private handle: JobHandle<R> | null = null
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly startJob: StartJob<A, P, R>,
    private readonly options: JobOptions<A> = {},
  ) {}

  getState = (): JobState<P, R> => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get busy(): boolean {
    return this.state.phase === 'running' || this.state.phase === 'cancelling'
  }

  /** Starts the job without waiting for it (its failure still reaches the user). */
  launch = (...args: A): void => {
    this.start(...args).catch(() => {})
  }

  /** Runs the job; resolves with its result, or undefined when it failed or was cancelled. */
  start = (...args: A): Promise<R | undefined> => this.observe(null, ...args)

  /** The same, with a listener for every progress report of this run (not only the last). */
  observe = async (onProgress: ((p: P) => void) | null, ...args: A): Promise<R | undefined> => {
    if (this.handle) await this.handle.cancel()
    const label = this.options.describe?.(...args) ?? ''
    this.set({ phase: 'running', progress: null, message: '', error: null, label })
    let handle: JobHandle<R> | null = null
    try {
      handle = this.startJob(
        (progress) => {
          if (this.handle !== handle) return
          onProgress?.(progress)
          this.set({ progress })
        },
        ...args,
      )
      this.handle = handle
      const result = await handle.done
      if (this.handle !== handle) return undefined
      this.set({ phase: 'done', result })
      return result
    } catch (error) {
      if (this.handle !== handle) return undefined
      const cancelled = error instanceof JobCancelled
      this.set({
        phase: cancelled ? 'cancelled' : 'failed',
        message: reasonOf(error),
        error: cancelled ? null : error,
      })
      if (!cancelled && this.options.failureWhat) {
        notify({
          kind: 'error',
          message: `Could not ${this.options.failureWhat}: ${reasonOf(error)}`,
          retry: () => this.launch(...args),
        })
      }
      return undefined
    } finally {
      if (this.handle === handle) this.handle = null
    }
  }

  /** Cancels the running job (no-op when none); resolves once its worker is gone. */
  cancel = async (): Promise<void> => {
    const handle = this.handle
    if (!handle) return
    this.set({ phase: 'cancelling' })
    await handle.cancel()
  }

  /** Back to idle (the last run is forgotten; a running one is cancelled). */
  reset = async (): Promise<void> => {
    const handle = this.handle
    this.handle = null
    this.set({ phase: 'idle', progress: null, result: null, message: '', error: null, label: '' })
    await handle?.cancel()
  }

  private set(change: Partial<JobState<P, R>>) {
    this.state = { ...this.state, ...change }
    for (const listener of this.listeners) listener()
  }
}

/** A job that outlives the page that starts it (recompute, search): one per module. */
export function createJob<A extends unknown[], P, R>(
  startJob: StartJob<A, P, R>,
  options?: JobOptions<A>,
): JobController<A, P, R> {
  return new JobController(startJob, options)
}

/** The state of a job controller, re-rendering on each change. */
export function useJobState<A extends unknown[], P, R>(
  job: JobController<A, P, R>,
): JobState<P, R> {
  return useSyncExternalStore(job.subscribe, job.getState)
}

/** A job owned by one component (an export button): its controller and its state. */
export function useLocalJob<A extends unknown[], P, R>(
  startJob: StartJob<A, P, R>,
  options?: JobOptions<A>,
) {
  const [job] = useState(() => createJob(startJob, options))
  return { job, state: useJobState(job) }
}
