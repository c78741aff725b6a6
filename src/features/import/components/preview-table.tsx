import { judgeTrace } from '../../../lib/import/judge'
import type { PreviewRow } from '../../../lib/import/map-records'
import { SafeText } from '../../../components/safe-text/safe-text'

const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'yes' : 'no')

const clip = (text: string, n = 140) => (text.length > n ? `${text.slice(0, n)}…` : text)

/** The first traces the mapping gives, as text. */
export function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  return (
    <table className="preview-table" aria-label="First traces">
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Problem</th>
          <th scope="col">Reasoning</th>
          <th scope="col">Answer</th>
          <th scope="col">Reference</th>
          <th scope="col">Correct</th>
          <th scope="col">Cut off</th>
          <th scope="col">Spans</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) =>
          r.ok ? (
            <tr key={i}>
              <td>
                <SafeText text={r.trace.key} />
              </td>
              <td>
                <SafeText text={clip(r.trace.problem)} />
              </td>
              <td>
                {clip(r.trace.reasoning)}{' '}
                <span className="muted">
                  ({r.trace.reasoning.length.toLocaleString('en-US')} chars)
                </span>
              </td>
              <td>{clip(r.trace.answer, 80)}</td>
              <td>{clip(r.trace.gold, 40)}</td>
              <td>{yesNo(judgeTrace(r.trace))}</td>
              <td>{r.trace.truncated ? 'truncated' : ''}</td>
              <td>{r.trace.spans.length || ''}</td>
            </tr>
          ) : (
            <tr key={i} className="error">
              <td colSpan={8}>
                Refused: <SafeText text={r.reason} />
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  )
}
