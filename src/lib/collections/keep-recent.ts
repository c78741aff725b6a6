/**
 * Sets `key` to `value` as the newest entry of `map` and drops the oldest beyond `max`: a map of
 * the last few used (a Map iterates in insertion order). Returns `value`.
 */
export function keepRecent<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  map.delete(key)
  map.set(key, value)
  if (map.size > max) map.delete(map.keys().next().value!)
  return value
}
