import { useRef } from 'react'
import { Link } from 'wouter'
import { TraceField } from '../../../components/trace-field/trace-field'
import { useTextAnalysis } from '../../../data/lexicons'
import { useActiveTaxonomy } from '../../../data/taxonomy'
import { useTraceView } from '../../../data/traces'

/** Two to four traces side by side, each with its highlights; scrolling is kept in step. */
export function ComparePage({ traceIds }: { traceIds: string[] }) {
  const panes = useRef<(HTMLElement | null)[]>([])
  const syncing = useRef(false)
  const onScroll = (from: number) => {
    if (syncing.current) return
    const source = panes.current[from]
    if (!source) return
    const ratio = source.scrollTop / Math.max(1, source.scrollHeight - source.clientHeight)
    syncing.current = true
    panes.current.forEach((p, i) => {
      if (p && i !== from) p.scrollTop = ratio * (p.scrollHeight - p.clientHeight)
    })
    requestAnimationFrame(() => (syncing.current = false))
  }
  return (
    <section className="page compare-page">
      <h1>Compare {traceIds.length} traces</h1>
      <div
        className="compare-grid"
        style={{ gridTemplateColumns: `repeat(${traceIds.length}, 1fr)` }}
      >
        {traceIds.map((id, i) => (
          <ComparePane
            key={id}
            traceId={id}
            scrollRef={(el) => (panes.current[i] = el)}
            onScroll={() => onScroll(i)}
          />
        ))}
      </div>
    </section>
  )
}

function ComparePane({
  traceId,
  scrollRef,
  onScroll,
}: {
  traceId: string
  scrollRef: (el: HTMLElement | null) => void
  onScroll: () => void
}) {
  const view = useTraceView(traceId)
  const taxonomy = useActiveTaxonomy()
  const { lexicon, analysis } = useTextAnalysis(view?.texts.reasoning)
  if (view === undefined) return <div className="compare-pane">Loading…</div>
  if (view === null) return <div className="compare-pane">Trace {traceId} not found.</div>
  const { trace, texts, dataset, annotations } = view
  const m = trace.metrics
  return (
    <article className="compare-pane" data-testid="compare-pane" aria-label={`Trace ${trace.key}`}>
      <header>
        <h2>
          <Link href={`/traces/${trace.id}`}>Trace {trace.key}</Link>
        </h2>
        <p className="muted small">
          {dataset?.name} · {trace.model || 'unknown model'} · {m.words} words · {m.pivotTotal}{' '}
          pivots ({m.pivotsPer1k.toFixed(1)}/1k) · {m.backtracks} backtracks
        </p>
      </header>
      <div className="compare-scroll" ref={scrollRef} onScroll={onScroll}>
        <TraceField
          field="reasoning"
          title="Reasoning"
          text={texts.reasoning}
          analysis={analysis}
          lexicon={lexicon}
          annotations={annotations}
          taxonomy={taxonomy}
        />
      </div>
    </article>
  )
}
