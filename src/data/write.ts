import { notify, reasonOf } from './notify'

export interface WriteOptions {
  /** Offer Retry on failure (default true). Off for writes that make no sense twice. */
  retry?: boolean
}

/**
 * Runs one write the user asked for. It never rejects: a failure is reported as an error
 * notice, "Could not <what>: <reason>", with Retry, and the result is `undefined`.
 * `what` is the action in the user's words: "save the span", "delete the dataset demo".
 */
export async function runWrite<T>(
  what: string,
  write: () => Promise<T>,
  options: WriteOptions = {},
): Promise<T | undefined> {
  holdUnload(+1)
  try {
    return await write()
  } catch (error) {
    console.warn(`write failed: ${what}`, error)
    notify({
      kind: 'error',
      message: `Could not ${what}: ${reasonOf(error)}`,
      retry: options.retry === false ? undefined : () => startWrite(what, write, options),
    })
    return undefined
  } finally {
    holdUnload(-1)
  }
}

/** Writes the user asked for that have not ended yet. */
let unfinished = 0

/** Asks the browser to confirm leaving the page: a reload or close would abort the write. */
function confirmLeave(event: BeforeUnloadEvent): void {
  event.preventDefault()
}

/**
 * While a write runs, leaving the page (reload, close, navigation away) asks first: IndexedDB
 * aborts a transaction whose page goes away, and a label just made would be lost. Most writes end
 * within milliseconds, so the question is only seen when leaving at that very moment.
 */
function holdUnload(change: 1 | -1): void {
  unfinished += change
  if (typeof window === 'undefined') return
  if (change === 1 && unfinished === 1) window.addEventListener('beforeunload', confirmLeave)
  if (unfinished === 0) window.removeEventListener('beforeunload', confirmLeave)
}

/** The number of user writes still running (tests). */
export function unfinishedWrites(): number {
  return unfinished
}

/**
 * The same for an event handler that does not wait: the write runs, and its failure still
 * reaches the user. (runWrite never rejects, so nothing is left floating.)
 */
export function startWrite<T>(
  what: string,
  write: () => Promise<T>,
  options: WriteOptions = {},
): void {
  runWrite(what, write, options).catch(() => {})
}
