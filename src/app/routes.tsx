import { Link, Route, Switch } from 'wouter'
import { DatasetsPage } from '../features/datasets/components/datasets-page'
import { ExportButton } from '../features/export/components/export-button'
import { TracesPage } from '../features/traces/components/traces-page'
import { ReaderPage } from '../features/reader/components/reader-page'
import { ComparePage } from '../features/reader/components/compare-page'

/** Hash routes, so that any static host serves every screen. */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/">
        <DatasetsPage exportAction={ExportButton} />
      </Route>
      <Route path="/datasets/:id">{(p) => <TracesPage datasetId={p.id} />}</Route>
      <Route path="/traces/:id">{(p) => <ReaderPage traceId={p.id} />}</Route>
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
