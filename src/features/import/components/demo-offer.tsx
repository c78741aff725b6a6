import { startWrite } from '../../../data/write'
import type { Importer } from '../use-import'

const DEMO_URL = './demo/demo-traces.jsonl'
const DEMO_NAME = 'demo-traces.jsonl'

/** Offered while the database is empty, so a new user sees real traces within seconds. */
export function DemoOffer({ importer }: { importer: Importer }) {
  const load = () =>
    startWrite('load the demo dataset', async () => {
      const response = await fetch(DEMO_URL)
      if (!response.ok) throw new Error(`the server answered ${response.status}`)
      await importer.importDirect(await response.blob(), DEMO_NAME, 'demo-traces')
    })
  return (
    <section className="panel demo-offer" aria-labelledby="demo-heading">
      <h2 id="demo-heading">New here?</h2>
      <p>
        Load a small demo dataset: a dozen short traces written for Tracemark, with the same
        problems answered by a reasoning model and by a plain model imitating its style.
      </p>
      <button
        type="button"
        className="primary"
        disabled={importer.state.phase === 'running'}
        onClick={load}
      >
        Load the demo dataset
      </button>
    </section>
  )
}
