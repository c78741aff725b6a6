/**
 * Label Studio JSON (FORMATS.md): one task per trace with `data.text` (the reasoning), each
 * annotator's spans as one annotation (`labels` results, notes as per-region `textarea` results
 * with the span's id, relations as `relation` results, the trace's tags as `choices`), and open
 * lexicon suggestions as `predictions`. Offsets in UTF-16 code units (Label Studio counts as
 * JavaScript does). The matching labelling config comes from labelStudioConfig.
 */
import type { TraceBundle } from '../tracemark-schema'
import type { ExportWriter } from './export-format'
import {
  isOpenSuggestion,
  reasoningSpans,
  relationsBetween,
  type LabelledSpan,
} from './labelled-spans'

export const LS_SPAN = 'span'
export const LS_NOTE = 'note'
export const LS_TAGS = 'tags'

type Result = Record<string, unknown>

function spanResults(spans: LabelledSpan[], origin: 'manual' | 'prediction'): Result[] {
  return spans.flatMap((s) => {
    const { id, label, quote, note } = s.annotation
    const region = { start: s.start, end: s.end }
    const span = {
      id,
      from_name: LS_SPAN,
      to_name: 'text',
      type: 'labels',
      origin,
      value: { ...region, text: quote, labels: [label] },
    }
    if (!note) return [span]
    const textarea = {
      id,
      from_name: LS_NOTE,
      to_name: 'text',
      type: 'textarea',
      value: { ...region, text: [note] },
    }
    return [span, textarea]
  })
}

export function toLabelStudioTask(bundle: TraceBundle, taskId: number): Record<string, unknown> {
  const spans = reasoningSpans(bundle)
  const byAnnotator = new Map<string, LabelledSpan[]>()
  for (const s of spans) {
    const list = byAnnotator.get(s.annotation.annotator) ?? []
    list.push(s)
    byAnnotator.set(s.annotation.annotator, list)
  }
  const relations = relationsBetween(bundle, spans)
  const annotations = [...byAnnotator].map(([annotator, own], i) => {
    const ids = new Set(own.map((s) => s.annotation.id))
    const links = relations
      .filter((r) => ids.has(r.from))
      .map((r) => ({
        type: 'relation',
        from_id: r.from,
        to_id: r.to,
        direction: 'right',
        labels: [r.label],
      }))
    return { id: i + 1, annotator, result: [...spanResults(own, 'manual'), ...links] }
  })
  const tags = bundle.trace.tags
  if (tags.length > 0) {
    const choices = {
      id: `tags-${taskId}`,
      from_name: LS_TAGS,
      to_name: 'text',
      type: 'choices',
      value: { choices: tags },
    }
    if (annotations[0]) annotations[0].result.push(choices)
    else annotations.push({ id: 1, annotator: '', result: [choices] })
  }
  const suggestions = reasoningSpans(bundle, isOpenSuggestion)
  const predictions =
    suggestions.length === 0
      ? []
      : [
          {
            model_version: bundle.trace.metrics.lexiconId || 'lexicon',
            score: 1,
            result: spanResults(suggestions, 'prediction'),
          },
        ]
  return {
    id: taskId,
    data: {
      text: bundle.texts.reasoning,
      key: bundle.trace.key,
      dataset: bundle.dataset.name,
      problem: bundle.texts.problem,
    },
    annotations,
    predictions,
  }
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The labelling config that shows such tasks in Label Studio as they are. */
export function labelStudioConfig(labels: string[], relations: string[], tags: string[]): string {
  const lines = [
    '<View>',
    '  <Text name="text" value="$text"/>',
    `  <Labels name="${LS_SPAN}" toName="text">`,
    ...labels.map((l) => `    <Label value="${xml(l)}"/>`),
    '  </Labels>',
    '  <Relations>',
    ...relations.map((r) => `    <Relation value="${xml(r)}"/>`),
    '  </Relations>',
    `  <TextArea name="${LS_NOTE}" toName="text" perRegion="true"/>`,
    `  <Choices name="${LS_TAGS}" toName="text" choice="multiple">`,
    ...tags.map((t) => `    <Choice value="${xml(t)}"/>`),
    '  </Choices>',
    '</View>',
  ]
  return `${lines.join('\n')}\n`
}

/** A JSON array of tasks, written a task at a time; remembers the labels for the config. */
export interface LabelStudioWriter extends ExportWriter {
  config(): string
}

export function labelStudioWriter(): LabelStudioWriter {
  let tasks = 0
  const labels = new Set<string>()
  const relations = new Set<string>()
  const tags = new Set<string>()
  return {
    add(bundle) {
      tasks += 1
      for (const a of bundle.annotations) if (a.field === 'reasoning') labels.add(a.label)
      for (const r of bundle.relations) relations.add(r.label)
      for (const t of bundle.trace.tags) tags.add(t)
      const task = JSON.stringify(toLabelStudioTask(bundle, tasks))
      return [tasks === 1 ? `[\n${task}` : `,\n${task}`]
    },
    finish: () => [tasks === 0 ? '[]\n' : '\n]\n'],
    config: () => labelStudioConfig([...labels].sort(), [...relations].sort(), [...tags].sort()),
  }
}
