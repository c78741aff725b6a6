import { Link } from 'wouter'
import { comparePath, MAX_PANES } from '../../../lib/compare/compare-link'
import type { PairedRow } from '../../../lib/compare/paired-differences'
import type { ComparedDataset } from '../use-dataset-compare'
import { SafeText } from '../../../components/safe-text/safe-text'
import { showBidiControls } from '../../../lib/text/bidi'

const SHOWN = 100

/** Problems by the largest difference from the reference; each opens the compare view. */
export function PairedList({
  rows,
  compared,
  digits,
}: {
  rows: PairedRow[]
  compared: ComparedDataset[]
  digits: number
}) {
  const format = (v: number | null) =>
    v === null
      ? '–'
      : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
  return (
    <section className="panel paired-list" aria-labelledby="paired-list-title">
      <h2 id="paired-list-title">Problems by largest difference</h2>
      <p className="muted small">
        {rows.length} problems pair up; differences are from {compared[0]?.short}
        {rows.length > SHOWN ? `; the first ${SHOWN} are listed` : ''}.
      </p>
      <div className="paired-scroll">
        <table data-testid="paired-list">
          <thead>
            <tr>
              <th scope="col">Problem</th>
              {compared.map((c) => (
                <th key={c.dataset.id} scope="col" title={showBidiControls(c.dataset.name)}>
                  <span className="swatch" style={{ background: c.color }} />{' '}
                  <SafeText text={c.short} />
                </th>
              ))}
              <th scope="col">Largest difference</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((r) => {
              const ids = r.traceIds.flatMap((list) => list.slice(0, 1)).slice(0, MAX_PANES)
              return (
                <tr key={r.problemHash} data-testid="paired-row" data-problem={r.problemHash}>
                  <td className="paired-problem" title={r.problemPreview}>
                    {r.problemPreview}
                  </td>
                  {r.values.map((v, i) => (
                    <td key={i} className="num">
                      {format(v)}
                    </td>
                  ))}
                  <td className="num" data-testid="paired-difference">
                    {r.largest > 0 ? '+' : ''}
                    {format(r.largest)}
                  </td>
                  <td>
                    <Link href={comparePath({ problem: r.problemHash, ids })}>Compare</Link>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
