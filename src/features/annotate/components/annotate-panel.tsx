import { useState, type RefObject } from 'react'
import { ShortcutOverlay } from '../../../components/keyboard/shortcut-overlay'
import { useAnnotator } from '../../../data/annotator'
import type { TextAnalysis } from '../../../lib/analysis/metrics'
import type { Annotation, Taxonomy, TraceTexts } from '../../../lib/traces/trace-model'
import { ANNOTATE_SHORTCUTS } from '../annotate-keys'
import { useAnnotateKeys } from '../use-annotate-keys'
import { LabelBar } from './label-bar'
import { SpanList } from './span-list'

export interface AnnotatePanelProps {
  /** The reader's page: the selection is read inside it. */
  root: RefObject<HTMLElement | null>
  texts: TraceTexts
  /** The reasoning's sentences, steps, pivots and backtracks: where the cursor moves. */
  analysis: TextAnalysis | null
  annotations: Annotation[]
  taxonomy: Taxonomy
  onMessage: (message: string) => void
}

/** Labelling in the reader: the labels with their keys, the trace's spans, and the keys. */
export function AnnotatePanel({
  root,
  texts,
  analysis,
  annotations,
  taxonomy,
  onMessage,
}: AnnotatePanelProps) {
  const [annotator] = useAnnotator()
  const [help, setHelp] = useState(false)
  useAnnotateKeys({
    onHelp: () => setHelp((open) => !open),
    root,
    texts,
    analysis,
    annotations,
    labels: taxonomy.labels,
    annotator,
    onMessage,
  })
  return (
    <>
      <LabelBar taxonomy={taxonomy} />
      <SpanList annotations={annotations} texts={texts} taxonomy={taxonomy} />
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
          ]}
        />
      )}
    </>
  )
}
