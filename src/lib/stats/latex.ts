/**
 * A LaTeX table in booktabs style (\toprule, \midrule, \bottomrule), for a paper. Text cells are
 * escaped; numbers are written as given. Needs `\usepackage{booktabs}`.
 */

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
}

export function latexEscape(text: string): string {
  return text.replace(/[\\&%$#_{}~^]/g, (c) => SPECIAL[c]!)
}

export interface LatexTable {
  /** Column alignment per column: `l`, `r`, `c`. */
  align: string
  header: readonly string[]
  rows: readonly (readonly string[])[]
  caption?: string
  label?: string
}

/** Header and cells are LaTeX already (escape text with latexEscape). */
export function toLatexTable(t: LatexTable): string {
  const line = (cells: readonly string[]) => `    ${cells.join(' & ')} \\\\`
  return [
    '\\begin{table}[t]',
    '  \\centering',
    ...(t.caption ? [`  \\caption{${t.caption}}`] : []),
    ...(t.label ? [`  \\label{${t.label}}`] : []),
    `  \\begin{tabular}{${t.align}}`,
    '    \\toprule',
    line(t.header),
    '    \\midrule',
    ...t.rows.map(line),
    '    \\bottomrule',
    '  \\end{tabular}',
    '\\end{table}',
    '',
  ].join('\n')
}
