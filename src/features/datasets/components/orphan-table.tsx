import { SafeText } from '../../../components/safe-text/safe-text'
import { formatCount } from '../../../lib/text/format'
import { deleteOrphans } from '../../../data/orphans'
import type { Annotation } from '../../../lib/traces/trace-model'

const clip = (text: string, n = 80) => (text.length > n ? `${text.slice(0, n)}…` : text)

/** The orphaned spans, with where they came from and a delete for all. */
export function OrphanTable({ orphans }: { orphans: Annotation[] }) {
  const onDelete = async () => {
    const ok = window.confirm(`Delete the ${orphans.length} orphaned spans for good?`)
    if (!ok) return
    await deleteOrphans(orphans.map((o) => o.id))
  }
  return (
    <section className="orphan-list" aria-labelledby="orphans-heading">
      <h2 id="orphans-heading">Orphaned spans ({formatCount(orphans.length)})</h2>
      <p className="muted">
        Their traces were replaced by a dataset without the same key. Each keeps its text, label,
        note and annotator.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Dataset</th>
            <th scope="col">Key</th>
            <th scope="col">Label</th>
            <th scope="col">Text</th>
            <th scope="col">Annotator</th>
          </tr>
        </thead>
        <tbody>
          {orphans.map((o) => (
            <tr key={o.id}>
              <td>
                <SafeText text={o.orphanOf?.datasetName ?? ''} />
              </td>
              <td>
                <SafeText text={o.orphanOf?.key ?? ''} />
              </td>
              <td>{o.label}</td>
              <td>
                <SafeText text={clip(o.quote)} />
              </td>
              <td>
                <SafeText text={o.annotator} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => void onDelete()}>
        Delete the orphaned spans
      </button>
    </section>
  )
}
