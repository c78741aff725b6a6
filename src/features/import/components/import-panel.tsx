import { lazy, Suspense, useState, type DragEvent, type FormEvent } from 'react'
import { preloadableLazy } from '../../../components/preloadable/preloadable-lazy'
import type { Importer } from '../use-import'
import { ImportStatus } from './import-status'

// The previews (field detection, record shapes, answer judging) and the URL question load when
// a file or a link is given, not with the first screen (#14: first-screen JavaScript). A chosen
// file's preview form downloads while the worker reads the file, and shows with its result.
const importPreview = preloadableLazy(() =>
  import('./import-preview-form').then((m) => m.ImportPreviewForm),
)
const restorePreview = preloadableLazy(() =>
  import('./restore-preview-form').then((m) => m.RestorePreviewForm),
)
const ImportPreviewForm = importPreview.Component
const RestorePreviewForm = restorePreview.Component
const UrlQuestion = lazy(() => import('./url-question').then((m) => ({ default: m.UrlQuestion })))

/** Both forms: which one a file needs is known only once the worker has read it. */
function preloadPreviewForms(): void {
  const failed = (error: unknown) => console.warn('preloading the import preview failed', error)
  importPreview.preload().catch(failed)
  restorePreview.preload().catch(failed)
}

const ACCEPT = '.jsonl,.ndjson,.json,.csv,.tsv,.parquet,.gz'

/** File picker, drop zone and URL field; then the preview, progress and outcome of the import. */
export function ImportPanel({ importer }: { importer: Importer }) {
  const { state } = importer
  const [dragging, setDragging] = useState(false)
  const [url, setUrl] = useState('')
  const busy = !['idle', 'done', 'restored', 'failed', 'cancelled'].includes(state.phase)

  const onFiles = (files: FileList | null) => {
    const file = files?.[0]
    if (!file || busy) return
    preloadPreviewForms()
    void importer.preview(file, file.name)
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    onFiles(e.dataTransfer.files)
  }
  const onUrl = (e: FormEvent) => {
    e.preventDefault()
    if (!url.trim() || busy) return
    preloadPreviewForms()
    importer.askUrl(url.trim())
  }

  return (
    <section className="panel import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import traces</h2>
      {state.phase === 'confirm-url' ? (
        <Suspense fallback={<p>Loading…</p>}>
          <UrlQuestion importer={importer} url={state.url} host={state.host} />
        </Suspense>
      ) : state.phase === 'too-large' ? (
        <Suspense fallback={<p>Loading…</p>}>
          <UrlQuestion
            importer={importer}
            url={state.url}
            host={state.host}
            limit={Math.max(state.result.bytes, state.result.limit * 2)}
            tooLarge={state.result}
          />
        </Suspense>
      ) : state.phase === 'preview' ? (
        <Suspense fallback={<p>Loading the preview…</p>}>
          {state.preview.tracemark ? (
            <RestorePreviewForm
              preview={state.preview}
              tracemark={state.preview.tracemark}
              importer={importer}
            />
          ) : (
            <ImportPreviewForm preview={state.preview} importer={importer} />
          )}
        </Suspense>
      ) : (
        <>
          <div
            className={`drop-zone${dragging ? ' dragging' : ''}`}
            data-testid="drop-zone"
            onDragOver={(e) => {
              e.preventDefault()
              setDragging(true)
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <p>
              Drop a file here: JSON Lines, JSON, CSV, TSV or Parquet (also gzip-compressed), or
            </p>
            <label className="button">
              Choose a file…
              <input
                type="file"
                accept={ACCEPT}
                disabled={busy}
                aria-label="Choose a trace file to import"
                onChange={(e) => {
                  onFiles(e.target.files)
                  e.target.value = ''
                }}
              />
            </label>
          </div>
          <form className="url-form" onSubmit={onUrl}>
            <label>
              or a URL{' '}
              <input
                type="url"
                value={url}
                placeholder="https://huggingface.co/datasets/…/resolve/main/….parquet"
                onChange={(e) => setUrl(e.target.value)}
                aria-label="Dataset URL"
              />
            </label>
            <button type="submit" disabled={busy || !url.trim()}>
              Preview
            </button>
          </form>
        </>
      )}
      <ImportStatus importer={importer} />
    </section>
  )
}
