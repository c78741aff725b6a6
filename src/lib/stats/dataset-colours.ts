/**
 * A colour per dataset that stays the same on every chart and every visit: the palette in the
 * order the datasets were imported, whatever subset is shown.
 */

/** Tableau 10: distinguishable, and readable when overlaid at half opacity. */
export const DATASET_PALETTE = [
  '#4e79a7',
  '#f28e2c',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc949',
  '#af7aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ab',
] as const

export function datasetColour(
  all: readonly { id: string; importedAt: number }[],
): Map<string, string> {
  const ordered = [...all].sort((a, b) => a.importedAt - b.importedAt || (a.id < b.id ? -1 : 1))
  return new Map(ordered.map((d, i) => [d.id, DATASET_PALETTE[i % DATASET_PALETTE.length]!]))
}
