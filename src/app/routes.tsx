import { lazy, Suspense } from 'react'
import { Link, Route, Switch } from 'wouter'
import { AnnotatePanel } from '../features/annotate/components/annotate-panel'
import { ComparePage } from '../features/compare/components/compare-page'
import { DatasetsPage } from '../features/datasets/components/datasets-page'
import { ExportButton } from '../features/export/components/export-button'
import { ExportSelectedButton } from '../features/export/components/export-selected-button'
import { ImportSection } from '../features/import/components/import-section'
import { LexiconsPage } from '../features/lexicons/components/lexicons-page'
import { ReaderPage } from '../features/reader/components/reader-page'
import { TracesPage } from '../features/traces/components/traces-page'
import { useHashQuery } from './hash-location'

/** The stats page brings the plotting library: loaded when first opened, not with the app. */
const StatsPage = lazy(() =>
  import('../features/stats/components/stats-page').then((m) => ({ default: m.StatsPage })),
)

/** `#/import?url=…`: a dataset shared as a link opens in the import preview. */
function ImportLink() {
  const url = useHashQuery().get('url')
  return (
    <DatasetsPage
      exportAction={ExportButton}
      importSection={ImportSection}
      importUrl={url ?? undefined}
    />
  )
}

/** `#/traces/<id>?at=<offset>&to=<end>&q=<search>`: a trace, scrolled to an offset. */
function ReaderLink({ traceId }: { traceId: string }) {
  return <ReaderPage traceId={traceId} query={useHashQuery().toString()} annotate={AnnotatePanel} />
}

/** Hash routes, so that any static host serves every screen. */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/">
        <DatasetsPage exportAction={ExportButton} importSection={ImportSection} />
      </Route>
      <Route path="/stats">
        <Suspense fallback={<p className="page">Loading the stats…</p>}>
          <StatsPage />
        </Suspense>
      </Route>
      <Route path="/lexicons">
        <LexiconsPage />
      </Route>
      <Route path="/import">
        <ImportLink />
      </Route>
      <Route path="/traces">
        <TracesPage datasetId={null} selectionAction={ExportSelectedButton} />
      </Route>
      <Route path="/datasets/:id">
        {(p) => <TracesPage datasetId={p.id} selectionAction={ExportSelectedButton} />}
      </Route>
      <Route path="/traces/:id">{(p) => <ReaderLink traceId={p.id} />}</Route>
      <Route path="/compare/:ids">
        {(p) => <ComparePage traceIds={p.ids.split(',').filter(Boolean)} />}
      </Route>
      <Route>
        <section className="page">
          <h1>Not found</h1>
          <p>
            Nothing lives at this address. <Link href="/">Back to the datasets</Link>.
          </p>
        </section>
      </Route>
    </Switch>
  )
}
