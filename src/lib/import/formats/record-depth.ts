/**
 * A record nested deeper than the browser can copy (issue #12): a 10,000-deep JSON value parses,
 * but structured clone (worker messages, IndexedDB) then fails with "Maximum call stack size
 * exceeded" or "Unserializable return value", naming no line. Such a record is one bad row.
 * The walk is iterative, so measuring it cannot itself overflow the stack.
 */
export const MAX_RECORD_DEPTH = 200

/** True when `value` holds arrays or objects nested more than `limit` levels deep. */
export function nestedDeeperThan(value: unknown, limit = MAX_RECORD_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    if (depth > limit) return true
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
    }
  }
  return false
}

export function tooDeepReason(limit = MAX_RECORD_DEPTH): string {
  return `nested more than ${limit} levels deep (lists or objects inside each other); such a record cannot be stored. Flatten it or remove it from the file`
}
