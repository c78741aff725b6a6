import { useRef, useState } from 'react'
import { Link, useLocation } from 'wouter'
import { useAnnotator } from '../use-annotator'
import { useTextAnalysis } from '../use-lexicon'
import { useReaderKeys } from '../use-reader-keys'
import { useTaxonomy } from '../use-taxonomy'
import { useNeighbours, useTraceView } from '../use-trace-view'
import { LabelBar } from './label-bar'
import { LayerLegend } from './layer-legend'
import { MetricsPanel } from './metrics-panel'
import { SpanList } from './span-list'
import { TraceField } from './trace-field'

export function ReaderPage({ traceId }: { traceId: string }) {
  const view = useTraceView(traceId)
  const neighbours = useNeighbours(view?.trace)
  const taxonomy = useTaxonomy()
  const [annotator] = useAnnotator()
  const { lexicon, analysis } = useTextAnalysis(view?.texts.reasoning)
  const [message, setMessage] = useState('')
  const [, navigate] = useLocation()
  const root = useRef<HTMLDivElement>(null)
  useReaderKeys({
    root,
    texts: view?.texts,
    labels: taxonomy.labels,
    annotator,
    onMessage: setMessage,
    onNavigate: (to) => {
      const id = to === 'next' ? neighbours?.next : neighbours?.previous
      if (id) navigate(`/traces/${id}`)
    },
  })

  if (view === undefined) return <p className="page">Loading…</p>
  if (view === null) {
    return (
      <section className="page">
        <h1>Trace not found</h1>
        <Link href="/">Back to the datasets</Link>
      </section>
    )
  }
  const { trace, texts, dataset, annotations } = view
  const fieldProps = { analysis: null, lexicon, annotations, taxonomy }
  return (
    <div className="page reader-page" ref={root}>
      <header className="page-header">
        <nav aria-label="Breadcrumb" className="crumbs">
          <Link href={`/datasets/${trace.datasetId}`}>{dataset?.name ?? 'dataset'}</Link> ›
        </nav>
        <h1>Trace {trace.key}</h1>
        <span className="muted">{trace.model}</span>
        <div className="spacer" />
        <button
          type="button"
          disabled={!neighbours?.previous}
          onClick={() => neighbours?.previous && navigate(`/traces/${neighbours.previous}`)}
        >
          ‹ Previous <kbd>p</kbd>
        </button>
        <button
          type="button"
          disabled={!neighbours?.next}
          onClick={() => neighbours?.next && navigate(`/traces/${neighbours.next}`)}
        >
          Next <kbd>n</kbd> ›
        </button>
      </header>
      <p className="reader-message" role="status" aria-live="polite">
        {message}
      </p>
      <div className="reader-layout">
        <article className="reader-texts">
          {texts.problem && (
            <TraceField field="problem" title="Problem" text={texts.problem} {...fieldProps} />
          )}
          <TraceField
            field="reasoning"
            title="Reasoning"
            text={texts.reasoning}
            {...fieldProps}
            analysis={analysis}
          />
          {texts.answer && (
            <TraceField field="answer" title="Answer" text={texts.answer} {...fieldProps} />
          )}
          {texts.gold && (
            <section className="trace-field" aria-label="Reference answer">
              <h2>Reference answer</h2>
              <p className="gold">{texts.gold}</p>
            </section>
          )}
        </article>
        <aside className="reader-side">
          <LayerLegend lexicon={lexicon} analysis={analysis} />
          <LabelBar taxonomy={taxonomy} />
          <SpanList annotations={annotations} texts={texts} taxonomy={taxonomy} />
          <MetricsPanel trace={trace} />
        </aside>
      </div>
    </div>
  )
}
