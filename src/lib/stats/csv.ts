/**
 * CSV of the numbers behind a chart (RFC 4180: comma, CRLF, quotes doubled). A cell that starts
 * with = + - @ (or a tab or CR) is prefixed with ' so that spreadsheets never run it as a
 * formula (OWASP CSV injection); plain negative numbers are data and stay as they are.
 */
export type CsvCell = string | number | boolean | null

const FORMULA_START = /^[=+\-@\t\r]/
const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i

function cell(value: CsvCell): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value !== 'number' && FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}
