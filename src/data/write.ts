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
  }
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
