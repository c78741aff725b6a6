/**
 * An id made from a name: lower case, accents dropped, words joined by `-`, and a `-2`, `-3`…
 * suffix until it is not one of `taken` (`fallback` when the name has no letter or digit).
 */
export function slugId(name: string, taken: readonly string[], fallback: string): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || fallback
  let id = base
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`
  return id
}
