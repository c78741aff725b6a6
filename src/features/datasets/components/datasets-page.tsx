import { useEffect, useRef, useState } from 'react'
import { formatBytes } from '../../../lib/text/format'
import { useDatasets } from '../use-datasets'
import { useImport } from '../use-import'
import { DatasetList, type DatasetAction } from './dataset-list'
import { DemoOffer } from './demo-offer'
import { ImportPanel } from './import-panel'
import { OrphanList } from './orphan-list'
import { PendingImports } from './pending-imports'

export function DatasetsPage({
  exportAction,
  importUrl,
}: {
  exportAction: DatasetAction
  /** A URL to preview for import right away (the `#/import?url=` deep link). */
  importUrl?: string
}) {
  const datasets = useDatasets()
  const importer = useImport()
  const opened = useRef<string | null>(null)
  const { previewUrl } = importer
  useEffect(() => {
    if (importUrl && opened.current !== importUrl) {
      opened.current = importUrl
      void previewUrl(importUrl)
    }
  }, [importUrl, previewUrl])
  const empty = datasets !== undefined && datasets.length === 0
  return (
    <section className="page datasets-page">
      <h1>Datasets</h1>
      {empty && importer.state.phase === 'idle' && !importUrl && <DemoOffer importer={importer} />}
      {datasets && datasets.length > 0 && <DatasetList datasets={datasets} action={exportAction} />}
      <PendingImports />
      <ImportPanel importer={importer} />
      <OrphanList />
      <StorageLine />
    </section>
  )
}

function StorageLine() {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null)
  useEffect(() => {
    void navigator.storage?.estimate().then(setEstimate)
  }, [])
  if (!estimate?.quota) return null
  return (
    <p className="muted storage-line">
      Browser storage: {formatBytes(estimate.usage ?? 0)} used of about{' '}
      {formatBytes(estimate.quota)} available (an estimate; the browser decides).
    </p>
  )
}
