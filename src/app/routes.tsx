import { lazy, Suspense, useMemo } from 'react'
import { Link, Route, Switch } from 'wouter'
import { AnnotatePanel } from '../features/annotate/components/annotate-panel'
import { DatasetsPage } from '../features/datasets/components/datasets-page'
import { ExportButton } from '../features/export/components/export-button'
import { ExportSelectedButton } from '../features/export/components/export-selected-button'
import { ImportSection } from '../features/import/components/import-section'
import { LexiconsPage } from '../features/lexicons/components/lexicons-page'
import { Minimap } from '../features/reader/components/minimap'
import { ReaderPage } from '../features/reader/components/reader-page'
import { TracesPage } from '../features/traces/components/traces-page'
import { CompareView } from '../features/compare/components/compare-view'
import { parseCompareQuery, parseDatasetCompareQuery } from '../lib/compare/compare-link'
import { useHashQuery } from './hash-location'

/** The stats page brings the plotting library: loaded when first opened, not with the app. */
const StatsPage = lazy(() =>
  import('../features/stats/components/stats-page').then((m) => ({ default: m.StatsPage })),
)

/** The dataset comparison draws with the plotting library too: loaded when first opened. */
const DatasetComparePage = lazy(() =>
  import('../features/stats/components/dataset-compare-page').then((m) => ({
    default: m.DatasetComparePage,
  })),
)

/** `#/compare/datasets?ids=…&metric=…`: datasets against each other. */
function DatasetCompareLink() {
  const query = useHashQuery().toString()
  return (
    <Suspense fallback={<p className="page">Loading the comparison…</p>}>
      <DatasetComparePage query={useMemo(() => parseDatasetCompareQuery(query), [query])} />
    </Suspense>
  )
}

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

/** `#/compare?ids=…` or `#/compare?problem=…`: traces side by side. */
function CompareLink() {
  const query = useHashQuery().toString()
  return (
    <CompareView
      query={useMemo(() => parseCompareQuery(query), [query])}
      annotate={AnnotatePanel}
      minimap={Minimap}
    />
  )
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
      <Route path="/compare">
        <CompareLink />
      </Route>
      <Route path="/compare/datasets">
        <DatasetCompareLink />
      </Route>
      {/* the first version's links: #/compare/<id>,<id> */}
      <Route path="/compare/:ids">
        {(p) => (
          <CompareView
            query={parseCompareQuery(`ids=${p.ids}`)}
            annotate={AnnotatePanel}
            minimap={Minimap}
          />
        )}
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
