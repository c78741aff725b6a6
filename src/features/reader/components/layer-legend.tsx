import { pivotsByCategory } from '../../../components/trace-field/build-layers'
import type { TextAnalysis } from '../../../lib/analysis/metrics'
import type { Lexicon } from '../../../lib/traces/trace-model'
import { useUiStore, type LayerName } from '../../../stores/ui-store'

/** Layer toggles, with the pivot count of each lexicon category in the reasoning. */
export function LayerLegend({
  lexicon,
  analysis,
  searchHits = 0,
  query = '',
}: {
  lexicon: Lexicon
  analysis: TextAnalysis | null
  /** Matches of the table's text search in the reasoning. */
  searchHits?: number
  query?: string
}) {
  const layers = useUiStore((s) => s.layers)
  const toggle = useUiStore((s) => s.toggleLayer)
  const count = (id: string) => (analysis ? (pivotsByCategory(analysis).get(id)?.length ?? 0) : 0)
  const toggleRow = (name: LayerName, text: string) => (
    <label className="layer-toggle">
      <input type="checkbox" checked={layers[name]} onChange={() => toggle(name)} /> {text}
    </label>
  )
  return (
    <section className="panel" aria-labelledby="layers-heading">
      <h2 id="layers-heading">Layers</h2>
      {toggleRow('pivots', `Pivots (${lexicon.name})`)}
      <ul className="legend" aria-label="Pivots per category">
        {lexicon.categories.map((c) => (
          <li key={c.id} data-testid={`pivot-count-${c.id}`} data-count={count(c.id)}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            {c.name} <span className="num">{count(c.id)}</span>
          </li>
        ))}
      </ul>
      {toggleRow('backtracks', `Backtracking spans (${analysis?.backtracks.length ?? 0})`)}
      {toggleRow('annotations', 'Annotations')}
      {toggleRow('steps', 'Step numbers')}
      {query && toggleRow('search', `Search hits for “${query}” (${searchHits})`)}
    </section>
  )
}
