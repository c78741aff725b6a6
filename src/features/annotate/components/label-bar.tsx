import type { Taxonomy } from '../../../lib/traces/trace-model'

/** The span labels of the active taxonomy with their keys. */
export function LabelBar({ taxonomy }: { taxonomy: Taxonomy }) {
  const labels = taxonomy.labels.filter((l) => l.level === 'span')
  return (
    <section className="panel" aria-labelledby="labels-heading">
      <h2 id="labels-heading">Labels · {taxonomy.name}</h2>
      <p className="muted small">Select text in the trace, then press a label&apos;s key.</p>
      <ul className="legend">
        {labels.map((l) => (
          <li key={l.id} title={l.description}>
            {l.shortcut && <kbd>{l.shortcut}</kbd>}
            <span
              className="swatch underline"
              style={{ borderColor: l.color }}
              aria-hidden="true"
            />
            {l.name}
          </li>
        ))}
      </ul>
    </section>
  )
}
