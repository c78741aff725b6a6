import { useCallback, useMemo, useRef, useState, type ComponentType, type RefObject } from 'react'
import { Link } from 'wouter'
import { comparePath } from '../../../lib/compare/compare-link'
import { Minimap } from '../../../components/trace-field/minimap'
import { TraceField } from '../../../components/trace-field/trace-field'
import { useSearchHits } from '../../../components/trace-field/use-search-hits'
import { useTextAnalysis } from '../../../data/lexicon-analysis'
import { useActiveTaxonomy } from '../../../data/taxonomy'
import { traceSpans } from '../../../data/trace-spans'
import { useTraceView } from '../../../data/traces'
import { parseReaderQuery } from '../../../lib/reader/reader-link'
import type { TextAnalysis } from '../../../lib/analysis/metrics'
import {
  candidateSuggestions,
  openSuggestions,
  type Suggestion,
} from '../../../lib/annotate/suggestions'
import type { HighlightLayer } from '../../../components/highlighted-text/highlight-layer'
import type { Annotation, Taxonomy, Trace, TraceTexts } from '../../../lib/traces/trace-model'
import { useUiStore } from '../../../stores/ui-store'
import { useNavKeys } from '../use-nav-keys'
import { useOffsetTarget } from '../use-offset-target'
import { useReaderNav } from '../use-reader-nav'
import { LayerLegend } from './layer-legend'
import { MetricsPanel } from './metrics-panel'
import { SafeText } from '../../../components/safe-text/safe-text'
import './reader.css'

/** What the reader hands the annotation panel it is given (app/ wires in features/annotate). */
export type ReaderAnnotateSlot = ComponentType<{
  root: RefObject<HTMLElement | null>
  texts: TraceTexts
  analysis: TextAnalysis | null
  annotations: Annotation[]
  taxonomy: Taxonomy
  onMessage: (message: string) => void
  trace: Trace
  suggestions: readonly Suggestion[]
  /** The trace's spans as they are now: `annotations` may follow a change a moment later. */
  spansNow: () => readonly Annotation[] | undefined
}>

/** An export of the one trace shown (app/ wires in features/export). */
export type ReaderExportSlot = ComponentType<{ traceId: string; label: string }>

const SUGGESTION_COLOR = '#7c3aed'
const NO_SUGGESTIONS: Suggestion[] = []

/**
 * One trace: problem, reasoning and answer as plain text with highlight layers, a minimap of
 * the reasoning, and the side panels. `query` is the hash query of a deep link:
 * `at`/`to` (offsets into the reasoning to jump to) and `q` (a search to mark).
 */
export function ReaderPage({
  traceId,
  query = '',
  annotate: Annotate,
  exportAction: ExportAction,
}: {
  traceId: string
  query?: string
  annotate: ReaderAnnotateSlot
  exportAction?: ReaderExportSlot
}) {
  const { view, texts: textsRead } = useTraceView(traceId)
  const link = useMemo(() => parseReaderQuery(query), [query])
  const nav = useReaderNav(traceId, view?.trace, link.q)
  const taxonomy = useActiveTaxonomy(textsRead?.datasetId ?? null)
  // Analysed as soon as the text is read, while the spans are still being read.
  const reasoning = textsRead?.reasoning
  const { lexicon, analysis } = useTextAnalysis(reasoning)
  const visible = useUiStore((s) => s.layers)
  const searchHits = useSearchHits(reasoning ?? '', link.q)
  const [message, setMessage] = useState('')
  const root = useRef<HTMLDivElement>(null)
  const { target, jump } = useOffsetTarget(root, reasoning, link)
  useNavKeys((to) => (to === 'next' ? nav.goNext() : nav.goPrevious()))
  const annotations = view?.annotations
  const spansNow = useCallback(() => traceSpans(traceId).snapshot, [traceId])
  const candidates = useMemo(
    () => (analysis ? candidateSuggestions(analysis, lexicon, taxonomy) : null),
    [analysis, lexicon, taxonomy],
  )
  const suggestions = useMemo(
    () => (candidates && annotations ? openSuggestions(candidates, annotations) : NO_SUGGESTIONS),
    [candidates, annotations],
  )
  const suggestionLayers = useMemo<HighlightLayer[]>(
    () => [
      {
        key: 'suggestion',
        color: SUGGESTION_COLOR,
        style: 'suggestion',
        priority: 2,
        ranges: suggestions,
      },
    ],
    [suggestions],
  )

  if (view === undefined) return <p className="page">Loading…</p>
  if (view === null) {
    return (
      <section className="page">
        <h1>Trace not found</h1>
        <Link href="/">Back to the datasets</Link>
      </section>
    )
  }
  const { trace, texts, dataset, annotations: spans } = view
  // The fields draw the spans as they are now (`spansOf`); the panels follow after.
  const fieldProps = {
    analysis: null,
    lexicon,
    annotations: spans,
    taxonomy,
    query: link.q,
    spansOf: traceId,
  }
  return (
    <div className="page reader-page" ref={root}>
      <header className="page-header">
        <nav aria-label="Breadcrumb" className="crumbs">
          <Link href={`/datasets/${trace.datasetId}`}>
            <SafeText text={dataset?.name ?? 'dataset'} />
          </Link>{' '}
          ›
        </nav>
        <h1>
          Trace <SafeText text={trace.key} />
        </h1>
        <span className="muted">
          <SafeText text={trace.model} />
        </span>
        <Link
          href={comparePath({ problem: trace.problemHash })}
          title="Every stored trace of this problem, across datasets, side by side"
        >
          Same problem
        </Link>
        {ExportAction && <ExportAction traceId={trace.id} label={`trace ${trace.key}`} />}
        <div className="spacer" />
        {nav.position && (
          <span className="muted small" data-testid="browse-position">
            {nav.position.index + 1} of {nav.position.total} in the table
          </span>
        )}
        <button type="button" disabled={!nav.previous} onClick={nav.goPrevious}>
          ‹ Previous <kbd>p</kbd>
        </button>
        <button type="button" disabled={!nav.next} onClick={nav.goNext}>
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
            target={target}
            cursorOf={traceId}
            extraLayers={visible.annotations ? suggestionLayers : undefined}
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
        <Minimap
          length={texts.reasoning.length}
          analysis={analysis}
          lexicon={lexicon}
          annotations={spans}
          taxonomy={taxonomy}
          searchHits={searchHits}
          visible={visible}
          onJump={jump}
        />
        <aside className="reader-side">
          <LayerLegend
            lexicon={lexicon}
            analysis={analysis}
            searchHits={searchHits.length}
            query={link.q}
          />
          <Annotate
            root={root}
            texts={texts}
            analysis={analysis}
            annotations={spans}
            taxonomy={taxonomy}
            onMessage={setMessage}
            spansNow={spansNow}
            trace={trace}
            suggestions={suggestions}
          />
          <MetricsPanel trace={trace} />
        </aside>
      </div>
    </div>
  )
}
