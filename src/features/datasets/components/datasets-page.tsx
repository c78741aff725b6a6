import type { ComponentType } from 'react'
import { useStorageState } from '../../../data/storage'
import type { Dataset } from '../../../lib/traces/trace-model'
import { useReadyDatasets } from '../../../data/datasets'
import { formatBytes } from '../../../lib/text/format'
import { DatasetList, type DatasetAction } from './dataset-list'
import { BackupSection } from './backup-section'
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
      <BackupSection />
      <StorageLine version={storageVersion(datasets)} />
    </section>
  )
}

/**
 * "Browser storage: X used of Y", re-read after every change to the datasets (imports, deletes,
 * restores) and when the tab is shown again, with whether the browser keeps the data for sure.
 */
function StorageLine({ version }: { version: string }) {
  const storage = useStorageState(version)
  if (!storage?.quota) return null
  return (
    <p className="muted storage-line" data-testid="storage-line">
      Browser storage: {formatBytes(storage.usage ?? 0)} used of about {formatBytes(storage.quota)}{' '}
      available (an estimate; the browser decides).{' '}
      {storage.persisted === true &&
        'Persistent: the browser keeps this data even when space runs low.'}
      {storage.persisted === false && (
        <>
          Not persistent: the browser may clear this data when space runs low (Tracemark asks to
          keep it at the first import; export what matters).
        </>
      )}
    </p>
  )
}

/** Changes whenever a dataset is added, removed or changes size. */
function storageVersion(datasets: Dataset[] | undefined): string {
  return (datasets ?? []).map((d) => `${d.id}:${d.traceCount}:${d.textChars}`).join(',')
}
