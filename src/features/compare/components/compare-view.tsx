import { useMemo, useRef, useState, type ComponentType, type RefObject } from 'react'
import { Link } from 'wouter'
import type { HighlightLayer } from '../../../components/highlighted-text/highlight-layer'
import { datasetComparePath, type CompareQuery } from '../../../lib/compare/compare-link'
import type { DiffUnit } from '../../../lib/compare/trace-diff'
import { useActiveTaxonomy } from '../../../data/taxonomy'
import type { TextAnalysis } from '../../../lib/analysis/metrics'
import type { Annotation, Taxonomy, TraceTexts } from '../../../lib/traces/trace-model'
import { useUiStore } from '../../../stores/ui-store'
import { usePaneAnalyses } from '../use-pane-analyses'
import {
  useCompareSelection,
  useDatasetLabels,
  usePaneTraces,
  type PaneTrace,
} from '../use-compare-data'
import { useScrollSync, type SyncMode } from '../use-scroll-sync'
import { useStepAlignments } from '../use-step-alignments'
import { useTraceDiff } from '../use-trace-diff'
import { CompareControls, DIFF_COLORS } from './compare-controls'
import { ComparePane, type JumpRequest } from './compare-pane'
import { MetricsStrip } from './metrics-strip'
import { PivotTimelines } from './pivot-timelines'
import { ProblemPicker } from './problem-picker'
import './compare.css'

const NO_IDS: string[] = []

/** Labelling (features/annotate), handed in by the app: the keys act inside `root`. */
export type CompareAnnotateSlot = ComponentType<{
  root: RefObject<HTMLElement | null>
  texts: TraceTexts
  analysis: TextAnalysis | null
  annotations: Annotation[]
  taxonomy: Taxonomy
  onMessage: (message: string) => void
}>

interface Slots {
  annotate: CompareAnnotateSlot
}

/**
 * Compare (DESIGN.md section 5): two to four traces side by side, named by a link
 * (`?ids=…`) or by problem (`?problem=…`, every trace of that problem across datasets).
 */
export function CompareView({ query, ...slots }: { query: CompareQuery } & Slots) {
  const selection = useCompareSelection(query)
  const ids = selection.kind === 'ready' ? selection.ids : NO_IDS
  const panes = usePaneTraces(ids)
  const candidates =
    selection.kind === 'ready' || selection.kind === 'picker' ? selection.candidates : []
  const labels = useDatasetLabels([
    ...(panes ?? []).flatMap((p) => (p ? [p.trace.datasetId] : [])),
    ...candidates.map((t) => t.datasetId),
  ])

  if (selection.kind === 'loading' || (selection.kind === 'ready' && panes === undefined))
    return <p className="page">Loading…</p>
  if (selection.kind === 'empty')
    return (
      <section className="page">
        <h1>Compare</h1>
        <p>{selection.message}</p>
        <Link href="/traces">Go to the traces</Link>
      </section>
    )
  if (selection.kind === 'picker')
    return (
      <section className="page compare-page">
        <h1>Compare the traces of one problem</h1>
        <p className="compare-problem-preview">{selection.candidates[0]?.problemPreview}</p>
        <ProblemPicker
          problem={selection.problem}
          candidates={selection.candidates}
          labels={labels}
        />
      </section>
    )
  const found = (panes ?? []).filter((p): p is PaneTrace => p !== null)
  const missing = ids.length - found.length
  return (
    <section className="page compare-page">
      <header className="page-header">
        <h1>
          Compare {found.length} traces{selection.problem ? ' of one problem' : ''}
        </h1>
        <div className="spacer" />
        {selection.problem && selection.candidates.length > found.length && (
          <Link href={`/compare?problem=${encodeURIComponent(selection.problem)}`}>
            Choose among all {selection.candidates.length} traces of this problem
          </Link>
        )}
        {new Set(found.map((p) => p.trace.datasetId)).size > 1 && (
          <Link href={datasetComparePath([...new Set(found.map((p) => p.trace.datasetId))])}>
            Compare these datasets
          </Link>
        )}
      </header>
      {missing > 0 && (
        <p className="panel" role="status">
          {missing} of the traces named are not stored (deleted, or a link from another browser).
        </p>
      )}
      {found.length > 0 && (
        <Comparison
          key={found.map((p) => p.trace.id).join(',')}
          panes={found}
          labels={labels}
          {...slots}
        />
      )}
    </section>
  )
}

function Comparison({
  panes,
  labels,
  annotate: Annotate,
}: {
  panes: PaneTrace[]
  labels: ReturnType<typeof useDatasetLabels>
} & Slots) {
  const [sync, setSync] = useState<SyncMode>('position')
  const [diffUnit, setDiffUnit] = useState<DiffUnit | null>(null)
  const [diffPair, setDiffPair] = useState<[number, number]>([0, 1])
  const [focused, setFocused] = useState(0)
  const [jumps, setJumps] = useState<(JumpRequest | null)[]>([])
  const [message, setMessage] = useState('')
  const grid = useRef<HTMLDivElement>(null)
  const taxonomy = useActiveTaxonomy()
  const { lexicon, analyses } = usePaneAnalyses(panes)
  const reasonings = useMemo(() => panes.map((p) => p.texts.reasoning), [panes])
  const alignment = useStepAlignments(reasonings, sync === 'step')
  const scroll = useScrollSync(
    sync,
    panes.length,
    alignment.status === 'done' ? alignment.alignments : null,
  )
  const paneLabels = panes.map((p) => labels.get(p.trace.datasetId) ?? FALLBACK_LABEL)

  const [ia, ib] = diffPair
  const diffA = panes[ia]?.texts.reasoning ?? null
  const diffB = ia !== ib ? (panes[ib]?.texts.reasoning ?? null) : null
  const diff = useTraceDiff(diffA, diffB, diffUnit)
  const diffLayers = useMemo(() => {
    const out: (HighlightLayer[] | undefined)[] = []
    if (ia === ib) return out
    // Empty until the diff is done: the layers' style rules are in place from the start, so
    // the result only adds ranges (a new rule restyles the whole page: a 50 ms task at 2 x 100k).
    const done = diff.status === 'done'
    out[ia] = [diffLayer('removed', done ? diff.diff.a : [])]
    out[ib] = [diffLayer('added', done ? diff.diff.b : [])]
    return out
  }, [diff, ia, ib])

  // The annotation keys act on the focused pane: its element and its texts.
  const focusRoot = useMemo<RefObject<HTMLElement | null>>(
    () => ({
      get current() {
        return grid.current?.querySelector<HTMLElement>(`[data-pane="${focused}"]`) ?? null
      },
    }),
    [focused],
  )
  const selectAnnotation = useUiStore((s) => s.selectAnnotation)

  const jumpTo = (pane: number, offset: number) => {
    scroll.lead(pane)
    setJumps((old) => {
      const next = [...old]
      next[pane] = { offset, seq: (old[pane]?.seq ?? 0) + 1 }
      return next
    })
  }
  const problems = [...new Set(panes.map((p) => p.trace.problemHash))]
  return (
    <>
      {problems.length === 1 ? (
        <details className="compare-problem" open>
          <summary>Problem</summary>
          <p data-testid="compare-problem">
            {panes[0]!.texts.problem || panes[0]!.trace.problemPreview}
          </p>
        </details>
      ) : (
        <p className="panel small">
          These traces answer {problems.length} different problems; each pane’s problem is in the
          reader (the trace’s link).
        </p>
      )}
      <CompareControls
        panes={panes.length}
        sync={sync}
        onSync={setSync}
        alignment={alignment}
        diffUnit={diffUnit}
        onDiffUnit={setDiffUnit}
        diffPair={diffPair}
        onDiffPair={setDiffPair}
        diff={diff}
      />
      <MetricsStrip traces={panes.map((p) => p.trace)} labels={paneLabels} lexicon={lexicon} />
      <PivotTimelines
        rows={panes.map((p, i) => ({
          length: p.texts.reasoning.length,
          analysis: analyses[i] ?? null,
          label: paneLabels[i]!,
        }))}
        lexicon={lexicon}
        onJump={jumpTo}
      />
      <details className="compare-annotate">
        <summary>
          Labels and spans of pane {focused + 1} (the focused pane: click in a pane to focus it)
        </summary>
        <Annotate
          root={focusRoot}
          texts={panes[focused]!.texts}
          analysis={analyses[focused] ?? null}
          annotations={panes[focused]!.annotations}
          taxonomy={taxonomy}
          onMessage={setMessage}
        />
      </details>
      <p className="reader-message" role="status" aria-live="polite">
        {message || `Select text in a pane and press a label’s key (1–5) to label it there.`}
      </p>
      <div
        className="compare-grid"
        ref={grid}
        style={{ gridTemplateColumns: `repeat(${panes.length}, minmax(0, 1fr))` }}
      >
        {panes.map((p, i) => (
          <ComparePane
            key={p.trace.id}
            index={i}
            pane={p}
            label={paneLabels[i]!}
            analysis={analyses[i] ?? null}
            lexicon={lexicon}
            taxonomy={taxonomy}
            diffLayers={diffLayers[i]}
            focused={focused === i}
            onFocus={() => {
              if (focused !== i) {
                setFocused(i)
                selectAnnotation(null)
              }
            }}
            scrollRef={scroll.refs[i]!}
            onScroll={() => scroll.onScroll(i)}
            onLead={() => scroll.lead(i)}
            jump={jumps[i] ?? null}
          />
        ))}
      </div>
    </>
  )
}

const FALLBACK_LABEL = {
  dataset: undefined,
  name: 'unknown dataset',
  short: 'unknown',
  color: '#94a3b8',
}

function diffLayer(
  kind: 'removed' | 'added',
  ranges: { start: number; end: number; kind: string }[],
) {
  return {
    key: `diff-${kind}`,
    color: DIFF_COLORS[kind],
    style: 'fill' as const,
    priority: -1,
    ranges: ranges.filter((r) => r.kind === kind),
  }
}
