import { lazy, Suspense, useMemo, type ReactNode } from 'react'
import { Link, Route, Switch, useLocation } from 'wouter'
import { ScreenBoundary } from '../components/screen-boundary/screen-boundary'
import { DatasetsPage } from '../features/datasets/components/datasets-page'
import { ExportButton } from '../features/export/components/export-button'
import { ExportSelectedButton } from '../features/export/components/export-selected-button'
import { ExportTraceButton } from '../features/export/components/export-trace-button'
import { ImportSection } from '../features/import/components/import-section'
import { parseCompareQuery, parseDatasetCompareQuery } from '../lib/compare/compare-link'
import { useHashQuery } from './hash-location'
import {
  loadAnnotatePanel,
  prefetchTrace,
  readerScreen,
  usePreloadReaderWhenIdle,
} from './reader-chunks'

// Every screen beyond the first (the Datasets page) is loaded when first opened, not with the
// app (#14: the first screen's JavaScript stays small as features land; `npm run bench` reports
// its gzip size as bundle/main-gzip-kb). The stats page also brings the plotting library.
const StatsPage = lazy(() =>
  import('../features/stats/components/stats-page').then((m) => ({ default: m.StatsPage })),
)
const TracesPage = lazy(() =>
  import('../features/traces/components/traces-page').then((m) => ({ default: m.TracesPage })),
)
const ReaderScreen = readerScreen.Component
const AnnotatePanel = lazy(() => loadAnnotatePanel().then((m) => ({ default: m.AnnotatePanel })))
const TaxonomiesPage = lazy(() =>
  import('../features/annotate/components/taxonomies-page').then((m) => ({
    default: m.TaxonomiesPage,
  })),
)
const CompareView = lazy(() =>
  import('../features/compare/components/compare-view').then((m) => ({
    default: m.CompareView,
  })),
)
/** The dataset comparison draws with the plotting library too. */
const DatasetComparePage = lazy(() =>
  import('../features/stats/components/dataset-compare-page').then((m) => ({
    default: m.DatasetComparePage,
  })),
)
const LexiconsPage = lazy(() =>
  import('../features/lexicons/components/lexicons-page').then((m) => ({
    default: m.LexiconsPage,
  })),
)

const AgreementPage = lazy(() =>
  import('../features/agreement/components/agreement-page').then((m) => ({
    default: m.AgreementPage,
  })),
)

const loading = <p className="page">Loading…</p>

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

/** `#/traces` or `#/datasets/<id>`: the traces table, whose rows open the reader. */
function TracesLink({ datasetId }: { datasetId: string | null }) {
  usePreloadReaderWhenIdle()
  return <TracesPage datasetId={datasetId} selectionAction={ExportSelectedButton} />
}

/** `#/traces/<id>?at=<offset>&to=<end>&q=<search>`: a trace, scrolled to an offset. */
function ReaderLink({ traceId }: { traceId: string }) {
  // Its reads start now, while the reader's code downloads, not once it has run (#14).
  prefetchTrace(traceId)
  return (
    <ReaderScreen
      traceId={traceId}
      query={useHashQuery().toString()}
      exportAction={ExportTraceButton}
    />
  )
}

/** `#/compare?ids=…` or `#/compare?problem=…` (and the first version's `#/compare/<ids>`). */
function CompareLink({ legacyIds }: { legacyIds?: string }) {
  const hash = useHashQuery().toString()
  const query = legacyIds === undefined ? hash : `ids=${legacyIds}`
  return (
    <CompareView
      query={useMemo(() => parseCompareQuery(query), [query])}
      annotate={AnnotatePanel}
    />
  )
}

/** `#/compare/datasets?ids=…&metric=…`: datasets against each other. */
function DatasetCompareLink() {
  const query = useHashQuery().toString()
  return <DatasetComparePage query={useMemo(() => parseDatasetCompareQuery(query), [query])} />
}

/** Each screen behind its own error boundary (with a way back), reset when the address changes. */
function Screen({ name, children }: { name: string; children: ReactNode }) {
  const [location] = useLocation()
  return (
    <ScreenBoundary resetKey={location} screen={name}>
      {children}
    </ScreenBoundary>
  )
}

/** Hash routes, so that any static host serves every screen. */
export function AppRoutes() {
  return (
    <Suspense fallback={loading}>
      <Switch>
        <Route path="/">
          <Screen name="The datasets page">
            <DatasetsPage exportAction={ExportButton} importSection={ImportSection} />
          </Screen>
        </Route>
        <Route path="/datasets">
          <Screen name="The datasets page">
            <DatasetsPage exportAction={ExportButton} importSection={ImportSection} />
          </Screen>
        </Route>
        <Route path="/stats">
          <Screen name="The stats page">
            <StatsPage />
          </Screen>
        </Route>
        <Route path="/lexicons">
          <Screen name="The lexicons page">
            <LexiconsPage />
          </Screen>
        </Route>
        <Route path="/taxonomies">
          <Screen name="The taxonomies page">
            <TaxonomiesPage />
          </Screen>
        </Route>
        <Route path="/import">
          <Screen name="The import">
            <ImportLink />
          </Screen>
        </Route>
        <Route path="/traces">
          <Screen name="The traces table">
            <TracesLink datasetId={null} />
          </Screen>
        </Route>
        <Route path="/datasets/:id">
          {(p) => (
            <Screen name="The traces table">
              <TracesLink datasetId={p.id} />
            </Screen>
          )}
        </Route>
        <Route path="/agreement/:id">
          {(p) => (
            <Screen name="The agreement view">
              <AgreementPage datasetId={p.id} />
            </Screen>
          )}
        </Route>
        <Route path="/traces/:id">
          {(p) => (
            <Screen name="The reader">
              <ReaderLink traceId={p.id} />
            </Screen>
          )}
        </Route>
        <Route path="/compare">
          <Screen name="Compare">
            <CompareLink />
          </Screen>
        </Route>
        <Route path="/compare/datasets">
          <Screen name="The dataset comparison">
            <DatasetCompareLink />
          </Screen>
        </Route>
        <Route path="/compare/:ids">
          {(p) => (
            <Screen name="Compare">
              <CompareLink legacyIds={p.ids} />
            </Screen>
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
    </Suspense>
  )
}
