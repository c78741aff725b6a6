import type { RefObject } from 'react'
import { useAnnotator } from '../../../data/annotator'
import type { Annotation, Taxonomy, TraceTexts } from '../../../lib/traces/trace-model'
import { useSpanKeys } from '../use-span-keys'
import { LabelBar } from './label-bar'
import { SpanList } from './span-list'

export interface AnnotatePanelProps {
  /** The reader's page: the selection is read inside it. */
  root: RefObject<HTMLElement | null>
  texts: TraceTexts
  annotations: Annotation[]
  taxonomy: Taxonomy
  onMessage: (message: string) => void
}

/** Labelling in the reader: the labels with their keys, the trace's spans, and the keys. */
export function AnnotatePanel({
  root,
  texts,
  annotations,
  taxonomy,
  onMessage,
}: AnnotatePanelProps) {
  const [annotator] = useAnnotator()
  useSpanKeys({ root, texts, labels: taxonomy.labels, annotator, onMessage })
  return (
    <>
      <LabelBar taxonomy={taxonomy} />
      <SpanList annotations={annotations} texts={texts} taxonomy={taxonomy} />
    </>
  )
}
