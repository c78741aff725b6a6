/**
 * spaCy / Prodigy spans JSONL (FORMATS.md): `{"text", "spans": [{"start", "end", "label",
 * "text"}], "meta", "answer"}` with offsets in Unicode code points (Python `str`), so
 * `text[start:end] == span["text"]` in Python. Prodigy re-tokenises character spans, so no
 * `tokens`. Trace tags go to spaCy's `cats`.
 */
import type { TraceBundle } from '../tracemark-schema'
import { reasoningSpans } from './labelled-spans'

export function toSpacyLine(bundle: TraceBundle): string {
  const spans = reasoningSpans(bundle).map((s) => ({
    start: s.startCp,
    end: s.endCp,
    label: s.annotation.label,
    text: s.annotation.quote,
    annotator: s.annotation.annotator,
  }))
  return JSON.stringify({
    text: bundle.texts.reasoning,
    spans,
    cats: Object.fromEntries(bundle.trace.tags.map((t) => [t, 1])),
    meta: { id: bundle.trace.key, dataset: bundle.dataset.name },
    answer: 'accept',
  })
}
