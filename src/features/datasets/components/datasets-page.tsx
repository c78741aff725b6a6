import { useEffect, useState, type ComponentType } from 'react'
import { useReadyDatasets } from '../../../data/datasets'
import { formatBytes } from '../../../lib/text/format'
import { DatasetList, type DatasetAction } from './dataset-list'
import { OrphanList } from './orphan-list'

/** The import section app/ wires in (features/import): `empty` when there is no dataset yet. */
export type DatasetsImportSlot = ComponentType<{ empty: boolean; importUrl?: string }>

export function DatasetsPage({
  exportAction,
  importSection: ImportSection,
  importUrl,
}: {
  exportAction: DatasetAction
  importSection: DatasetsImportSlot
  /** A URL to preview for import right away (the `#/import?url=` deep link). */
  importUrl?: string
}) {
  const datasets = useReadyDatasets()
  const empty = datasets !== undefined && datasets.length === 0
  return (
    <section className="page datasets-page">
      <h1>Datasets</h1>
      {datasets && datasets.length > 0 && <DatasetList datasets={datasets} action={exportAction} />}
      <ImportSection empty={empty} importUrl={importUrl} />
      <OrphanList />
      <StorageLine />
    </section>
  )
}

function StorageLine() {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null)
  useEffect(() => {
    // Only a hint: without an estimate the line is left out.
    navigator.storage
      ?.estimate()
      .then(setEstimate)
      .catch(() => setEstimate(null))
  }, [])
  if (!estimate?.quota) return null
  return (
    <p className="muted storage-line">
      Browser storage: {formatBytes(estimate.usage ?? 0)} used of about{' '}
      {formatBytes(estimate.quota)} available (an estimate; the browser decides).
    </p>
  )
}
