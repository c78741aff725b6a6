import { startTransition, useCallback, useMemo, useRef, useState, type RefObject } from 'react'
import { ShortcutOverlay } from '../../../components/keyboard/shortcut-overlay'
import { useTraceRelations } from '../../../data/annotations'
import type { TextAnalysis } from '../../../lib/analysis/metrics'
import type { Suggestion } from '../../../lib/annotate/suggestions'
import { partOrphans } from '../../../lib/text/orphan'
import { readerPath } from '../../../lib/reader/reader-link'
import type {
  Annotation,
  Relation,
  Taxonomy,
  Trace,
  TraceTexts,
} from '../../../lib/traces/trace-model'
import { ANNOTATE_SHORTCUTS } from '../annotate-keys'
import { useAnnotateKeys, type PendingKey } from '../use-annotate-keys'
import { useAnnotatorGate } from '../use-annotator-gate'
import { AnnotatorPrompt } from './annotator-prompt'
import { CursorPopover } from './cursor-popover'
import { LabelBar } from './label-bar'
import { OrphanedSpans } from './orphaned-spans'
import { SpanDetail } from './span-detail'
import { SpanList } from './span-list'
import { SuggestionPanel } from './suggestion-panel'
import { TracePanel } from './trace-panel'
import './annotate.css'

export interface AnnotatePanelProps {
  /** The reader's page: the selection is read inside it. */
  root: RefObject<HTMLElement | null>
  texts: TraceTexts
  /** The reasoning's sentences, steps, pivots and backtracks: where the cursor moves. */
  analysis: TextAnalysis | null
  annotations: Annotation[]
  taxonomy: Taxonomy
  /** Where messages go when there is no trace (compare: its status line); the reader shows
   *  them by the cursor instead. */
  onMessage: (message: string) => void
  /** The reader's trace: status, tags, note and the taxonomy picker (compare has none). */
  trace?: Trace
  /** Open suggestions of the reasoning, in reading order. */
  suggestions?: readonly Suggestion[]
  /**
   * The trace's spans as they are now, when `annotations` may follow a change a moment later
   * (the reader's panels): keys wait until they have (use-annotate-keys.ts).
   */
  spansNow?: () => readonly Annotation[] | undefined
}

const NO_SUGGESTIONS: readonly Suggestion[] = []
const NO_RELATIONS: readonly Relation[] = []

/** Relations in reading order of their first span, then their second (gone spans last). */
function inReadingOrder(relations: readonly Relation[], annotations: readonly Annotation[]) {
  // Asked again on every new span: no map of thousands of spans for a handful of relations.
  if (relations.length === 0) return relations
  const ends = new Set(relations.flatMap((r) => [r.from, r.to]))
  const starts = new Map<string, number>()
  for (const a of annotations) if (ends.has(a.id)) starts.set(a.id, a.start)
  const at = (id: string) => starts.get(id) ?? Infinity
  return [...relations].sort((a, b) => at(a.from) - at(b.from) || at(a.to) - at(b.to))
}

/**
 * Labelling in the reader: the labels with their keys, the trace's status, tags and note, the
 * suggestions, the spans with the selected one's note and the relations, and the keys.
 */
export function AnnotatePanel({
  root,
  texts,
  analysis,
  annotations,
  taxonomy,
  trace,
  suggestions = NO_SUGGESTIONS,
  onMessage,
  spansNow,
}: AnnotatePanelProps) {
  const gate = useAnnotatorGate()
  const stored = useTraceRelations(texts.traceId) ?? NO_RELATIONS
  const relations = useMemo(() => inReadingOrder(stored, annotations), [stored, annotations])
  const { anchored, listed, orphaned } = useMemo(
    () => partOrphans(annotations, (field) => texts[field]),
    [annotations, texts],
  )
  const [help, setHelp] = useState(false)
  const [message, setMessage] = useState<{ text: string; at: number } | null>(null)
  const [pending, setPending] = useState<PendingKey | null>(null)
  const traceNote = useRef<HTMLTextAreaElement>(null)
  const spanNote = useRef<HTMLInputElement>(null)
  const hasTrace = trace !== undefined
  // By the cursor after the key's frame (a transition): the text shows what the key did first.
  const say = useCallback(
    (text: string) => {
      if (!hasTrace) return onMessage(text)
      const at = performance.now()
      startTransition(() => setMessage({ text, at }))
    },
    [hasTrace, onMessage],
  )
  useAnnotateKeys(
    {
      onHelp: () => setHelp((open) => !open),
      root,
      texts,
      analysis,
      annotations,
      anchored,
      relations,
      taxonomy,
      withAnnotator: gate.withAnnotator,
      trace,
      suggestions,
      spansNow,
      onMessage: say,
      onTraceNote: trace ? () => traceNote.current?.focus() : undefined,
      // The key handler has drawn the selection: the field is there.
      onSpanNote: () => spanNote.current?.focus(),
      onOpenTrace: (id) => {
        window.location.hash = readerPath(id, {})
      },
    },
    setPending,
  )
  return (
    <>
      {trace && (
        <CursorPopover
          root={root}
          traceId={texts.traceId}
          annotations={annotations}
          taxonomy={taxonomy}
          message={message}
        />
      )}
      {pending && (
        <p className="pending-key small" data-testid="pending-key">
          Waiting for a key ({pending.kind}); Escape cancels.
        </p>
      )}
      <LabelBar taxonomy={taxonomy} datasetId={trace?.datasetId} />
      {trace && (
        <TracePanel
          ref={traceNote}
          trace={trace}
          taxonomy={taxonomy}
          withAnnotator={gate.withAnnotator}
        />
      )}
      {trace && (
        <SuggestionPanel
          suggestions={suggestions}
          taxonomy={taxonomy}
          texts={texts}
          withAnnotator={gate.withAnnotator}
          onMessage={say}
        />
      )}
      <SpanList
        traceId={texts.traceId}
        annotations={listed}
        rejected={anchored.length - listed.length}
        taxonomy={taxonomy}
      />
      <OrphanedSpans spans={orphaned} taxonomy={taxonomy} />
      <SpanDetail
        ref={spanNote}
        traceId={texts.traceId}
        annotations={annotations}
        relations={relations}
        taxonomy={taxonomy}
      />
      {gate.asking && <AnnotatorPrompt onAnswer={gate.answer} />}
      {help && (
        <ShortcutOverlay
          onClose={() => setHelp(false)}
          groups={[
            { title: 'Reader and annotation', shortcuts: ANNOTATE_SHORTCUTS },
            {
              title: `Labels · ${taxonomy.name}`,
              shortcuts: taxonomy.labels
                .filter((l) => l.level === 'span' && l.shortcut)
                .map((l) => ({ keys: [l.shortcut], does: `${l.name}: ${l.description}` })),
            },
            {
              title: 'Trace tags (t, then the number)',
              shortcuts: taxonomy.labels
                .filter((l) => l.level === 'trace')
                .map((l, i) => ({ keys: [`t ${i + 1}`], does: `${l.name}: ${l.description}` })),
            },
          ]}
        />
      )}
    </>
  )
}
