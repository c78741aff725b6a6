/**
 * An independent count of the default lexicon's phrases (DESIGN.md section 4), written for the
 * tests from the design's phrase list and not from the app's code: case-insensitive, at word
 * boundaries, the longest phrase winning where two start at the same place.
 */
export const DESIGN_PIVOTS: Record<string, string[]> = {
  realization: [
    'wait',
    'hmm',
    'oh',
    'ah',
    'oops',
    'actually',
    'hold on',
    'my mistake',
    'I made a mistake',
    'scratch that',
    'never mind',
  ],
  verification: [
    'let me check',
    'let me verify',
    'let me double-check',
    'double-check',
    'let me confirm',
    "let's verify",
    'to verify',
    'check again',
    'sanity check',
    'make sure',
  ],
  exploration: [
    'what if',
    'alternatively',
    'another approach',
    'another way',
    'let me try',
    "let's try",
    'maybe',
    'perhaps',
    'suppose',
    'on the other hand',
    'instead',
  ],
  integration: [
    'now I see',
    'putting it together',
    'so the answer',
    'therefore',
    'thus',
    'hence',
    'in conclusion',
    'to summarize',
    'final answer',
  ],
}

export function countPivots(text: string): Record<string, number> {
  const owner = new Map<string, string>()
  for (const [category, phrases] of Object.entries(DESIGN_PIVOTS)) {
    for (const p of phrases) if (!owner.has(p.toLowerCase())) owner.set(p.toLowerCase(), category)
  }
  const phrases = [...owner.keys()].sort((a, b) => b.length - a.length)
  const pattern = phrases
    .map((p) =>
      p
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/ /g, '\\s+')
        .replace(/'/g, "['’]"),
    )
    .join('|')
  const counts: Record<string, number> = Object.fromEntries(
    Object.keys(DESIGN_PIVOTS).map((c) => [c, 0]),
  )
  for (const m of text.matchAll(
    new RegExp(`(?<![\\p{L}\\p{N}_])(?:${pattern})(?![\\p{L}\\p{N}_])`, 'giu'),
  )) {
    const key = m[0].toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'")
    counts[owner.get(key)!]! += 1
  }
  return counts
}
