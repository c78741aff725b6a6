/**
 * Pairs traces of the same problem across datasets. The problem is normalised (white space
 * collapsed, case folded) and hashed with cyrb53, a fast 53-bit non-cryptographic hash: at
 * 100,000 distinct problems a collision has a probability of about 1e-6.
 * Traces without a problem text pair by their source key instead (e.g. `item_id`).
 */
export function problemHash(problem: string, key: string): string {
  const normal = problem.replace(/\s+/g, ' ').trim().toLowerCase()
  return normal ? `p:${cyrb53(normal)}` : `k:${cyrb53(key)}`
}

export function cyrb53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}
