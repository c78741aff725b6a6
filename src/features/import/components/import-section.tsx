import { useEffect, useRef } from 'react'
import { useImport } from '../use-import'
import { DemoOffer } from './demo-offer'
import { ImportPanel } from './import-panel'
import { PendingImports } from './pending-imports'
import './import.css'

export interface ImportSectionProps {
  /** No dataset yet: the demo is offered. */
  empty: boolean
  /** A URL to preview for import right away (the `#/import?url=` deep link). */
  importUrl?: string
}

/** The datasets page's import: the demo offer, the file/URL picker, preview and progress. */
export function ImportSection({ empty, importUrl }: ImportSectionProps) {
  const importer = useImport()
  const opened = useRef<string | null>(null)
  const { askUrl } = importer
  // A shared link never fetches by itself: it opens the question (host, size limit) first.
  useEffect(() => {
    if (importUrl && opened.current !== importUrl) {
      opened.current = importUrl
      askUrl(importUrl)
    }
  }, [importUrl, askUrl])
  return (
    <>
      {empty && importer.state.phase === 'idle' && !importUrl && <DemoOffer importer={importer} />}
      <PendingImports />
      <ImportPanel importer={importer} />
    </>
  )
}
