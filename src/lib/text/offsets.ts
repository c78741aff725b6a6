/**
 * Offset mapping between the two units that annotation data is counted in:
 * UTF-16 code units (JavaScript strings, our database, doccano, Label Studio) and
 * Unicode code points (Python `str`, spaCy, brat, Argilla, our `start_cp`/`end_cp`).
 *
 * The units differ only by well-formed surrogate pairs (astral characters such as emoji):
 * a pair is 2 code units but 1 code point. A lone surrogate is 1 of each, exactly as
 * `[...text]` in JavaScript and `str` in Python (after `json.loads`) count it.
 * A UTF-16 offset between the two halves of a pair has no code-point equivalent and is
 * rejected with a RangeError, never rounded: rounding would silently move a span.
 */

export interface OffsetConverter {
  readonly utf16Length: number
  readonly codePointLength: number
  /** UTF-16 offset (0..utf16Length) to code-point offset. */
  toCodePoint(offset: number): number
  /** Code-point offset (0..codePointLength) to UTF-16 offset. */
  toUtf16(cpOffset: number): number
}

function isPairAt(text: string, i: number): boolean {
  const high = text.charCodeAt(i)
  if (high < 0xd800 || high > 0xdbff) return false
  const low = text.charCodeAt(i + 1)
  return low >= 0xdc00 && low <= 0xdfff
}

function checkIndex(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} ${value} is outside 0..${max}`)
  }
}

function insidePair(offset: number): RangeError {
  return new RangeError(
    `UTF-16 offset ${offset} falls inside a surrogate pair (units ${offset - 1}..${offset + 1})`,
  )
}

/** Code-point offset of a UTF-16 offset; O(offset). Use makeOffsetConverter for many offsets. */
export function utf16ToCodePoint(text: string, offset: number): number {
  checkIndex(offset, text.length, 'UTF-16 offset')
  let pairs = 0
  for (let i = 0; i < offset; i++) {
    if (isPairAt(text, i)) {
      if (i + 1 === offset) throw insidePair(offset)
      pairs++
      i++
    }
  }
  return offset - pairs
}

/** UTF-16 offset of a code-point offset; O(cpOffset). */
export function codePointToUtf16(text: string, cpOffset: number): number {
  checkIndex(cpOffset, text.length, 'code-point offset')
  let unit = 0
  for (let cp = 0; cp < cpOffset; cp++) {
    if (unit >= text.length) {
      throw new RangeError(`code-point offset ${cpOffset} is past the end of the text (${cp})`)
    }
    unit += isPairAt(text, unit) ? 2 : 1
  }
  return unit
}

/**
 * One O(n) pass over `text`, then O(log p) per conversion, where p is the number of
 * astral characters (O(1) when there are none, which is the usual case).
 */
export function makeOffsetConverter(text: string): OffsetConverter {
  // UTF-16 index of the high half of every pair, ascending. Pair k starts at code point
  // pairStarts[k] - k, so that sequence is strictly increasing too.
  const pairStarts: number[] = []
  const pair = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g
  for (let match = pair.exec(text); match !== null; match = pair.exec(text)) {
    pairStarts.push(match.index)
  }
  const utf16Length = text.length
  const codePointLength = utf16Length - pairStarts.length

  /** Number of pairs k with key(k) < bound, for a key that increases with k. */
  const countBelow = (bound: number, key: (start: number, k: number) => number): number => {
    let lo = 0
    let hi = pairStarts.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (key(pairStarts[mid] ?? Infinity, mid) < bound) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  return {
    utf16Length,
    codePointLength,
    toCodePoint(offset) {
      checkIndex(offset, utf16Length, 'UTF-16 offset')
      if (pairStarts.length === 0) return offset
      const before = countBelow(offset, (start) => start)
      if (before > 0 && pairStarts[before - 1] === offset - 1) throw insidePair(offset)
      return offset - before
    },
    toUtf16(cpOffset) {
      checkIndex(cpOffset, codePointLength, 'code-point offset')
      if (pairStarts.length === 0) return cpOffset
      return cpOffset + countBelow(cpOffset, (start, k) => start - k)
    },
  }
}
