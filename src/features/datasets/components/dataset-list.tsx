import type { ComponentType } from 'react'
import { Link } from 'wouter'
import { removeDataset } from '../../../data/datasets'
import { formatBytes, formatCount } from '../../../lib/text/format'
import type { Dataset } from '../../../lib/traces/trace-model'
import { SafeText } from '../../../components/safe-text/safe-text'
import { showBidiControls } from '../../../lib/text/bidi'
import './dataset-list.css'

export type DatasetAction = ComponentType<{ dataset: Dataset }>

export function DatasetList({
  datasets,
  action: Action,
}: {
  datasets: Dataset[]
  action: DatasetAction
}) {
  const onDelete = (d: Dataset) => {
    const ok = window.confirm(
      `Delete "${showBidiControls(d.name)}" with its ${formatCount(d.traceCount)} traces and all their annotations?`,
    )
    if (ok) void removeDataset(d)
  }
  return (
    <table className="dataset-list">
      <thead>
        <tr>
          <th scope="col">Dataset</th>
          <th scope="col">Traces</th>
          <th scope="col">Variant</th>
          <th scope="col">Text</th>
          <th scope="col">Source</th>
          <th scope="col">Imported</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {datasets.map((d) => (
          <tr key={d.id} data-testid="dataset-row">
            <td>
              <Link href={`/datasets/${d.id}`}>
                <SafeText text={d.name} />
              </Link>
            </td>
            <td className="num">{formatCount(d.traceCount)}</td>
            <td>{d.variant ? <SafeText text={d.variant} /> : '—'}</td>
            <td className="num">{formatBytes(d.textChars)}</td>
            <td className="muted">
              <SafeText text={d.source} />
            </td>
            <td className="muted">{new Date(d.importedAt).toLocaleString()}</td>
            <td className="actions">
              <Action dataset={d} />
              <button
                type="button"
                onClick={() => onDelete(d)}
                aria-label={`Delete ${showBidiControls(d.name)}`}
              >
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
