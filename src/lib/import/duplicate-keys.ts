/** Keys used more than once in a list of trace keys: how many, and the first few (issue #12). */
export function duplicateKeys(keys: readonly string[], examples = 3) {
  const seen = new Set<string>()
  const repeated: string[] = []
  const counted = new Set<string>()
  for (const key of keys) {
    if (!seen.has(key)) seen.add(key)
    else if (!counted.has(key)) {
      counted.add(key)
      repeated.push(key)
    }
  }
  return { count: repeated.length, examples: repeated.slice(0, examples) }
}
