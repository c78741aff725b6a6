import { useMemo, useState } from 'react'
import { useAnnotationFacets } from '../../../data/annotation-facets'
import { SafeText } from '../../../components/safe-text/safe-text'
import { canPickSaveFile } from '../../../lib/export/save-method'
import { describeFilter, isEmptyFilter, type ExportFilter } from '../../../lib/export/export-filter'
import { EXPORT_FORMATS, formatInfo } from '../../../lib/export/formats/catalogue'
import type { ExportFormatId } from '../../../lib/export/formats/export-format'
import type { TraceStatus } from '../../../lib/traces/trace-model'
import type { ExportChoice, ExportTarget } from '../../../workers/export-protocol'
import { useExport } from '../use-export'
import { ExportStatus } from './export-status'
import './export-more.css'

/** Formats whose texts are optional; the others are their texts. */
const TEXTS_OPTIONAL: ExportFormatId[] = ['tracemark', 'csv', 'parquet']

const UNITS = { utf16: 'UTF-16 code units', codepoint: 'Unicode code points' }

const STATUSES: TraceStatus[] = ['todo', 'in-progress', 'done']

/** One thing the dialog can export: a dataset, the table's selection, its filter, one trace. */
export interface ExportScope {
  /** What the user sees ("selected traces (3)"). */
  name: string
  /** A function when the target is costly to build (the ids a filter shows): called at export. */
  target: ExportTarget | (() => ExportTarget)
}

/**
 * The export dialog, for a dataset, the traces table (its selection or its current filter) or
 * one trace: a format, texts on or off, a filter (status, tags, labels, annotators), what the
 * format drops (before anything is written), where the file goes (a file the user picks,
 * streamed, where the browser can; a download otherwise), then the export with progress and
 * cancel.
 */
export function ExportMore({
  target,
  label,
  summary = 'Other formats…',
  scopes,
}: {
  target: ExportTarget | (() => ExportTarget)
  label: string
  summary?: string
  /** Alternatives to `target` the user chooses between (the first is the default). */
  scopes?: ExportScope[]
}) {
  const [formatId, setFormatId] = useState<ExportFormatId>('doccano')
  const [texts, setTexts] = useState(true)
  const [scopeIndex, setScopeIndex] = useState(0)
  const [statuses, setStatuses] = useState<TraceStatus[]>([])
  const [tagText, setTagText] = useState('')
  const [labels, setLabels] = useState<string[]>([])
  const [annotators, setAnnotators] = useState<string[]>([])
  const [toFile, setToFile] = useState(true)
  const canPick = canPickSaveFile(window)
  const facets = useAnnotationFacets()
  const format = formatInfo(formatId)
  const filter: ExportFilter = useMemo(
    () => ({
      statuses,
      tags: tagText
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
      labels,
      annotators,
    }),
    [statuses, tagText, labels, annotators],
  )
  const choice: ExportChoice = useMemo(
    () => ({
      format: formatId,
      options: { texts },
      ...(isEmptyFilter(filter) ? {} : { filter }),
    }),
    [formatId, texts, filter],
  )
  const scope = scopes?.[scopeIndex]
  const chosenTarget = scope?.target ?? target
  const { state, run, cancel } = useExport(chosenTarget, label, choice, canPick && toFile)
  const running = state.phase === 'running' || state.phase === 'cancelling'
  const toggle = <T,>(list: T[], item: T, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item)
  return (
    <details className="export-more">
      <summary>{summary}</summary>
      <div className="export-more-body" role="group" aria-label={`Export ${label}`}>
        {scopes && scopes.length > 1 && (
          <fieldset>
            <legend>Traces</legend>
            {scopes.map((s, i) => (
              <label key={s.name}>
                <input
                  type="radio"
                  name={`export-scope-${label}`}
                  checked={i === scopeIndex}
                  onChange={() => setScopeIndex(i)}
                />{' '}
                {s.name}
              </label>
            ))}
          </fieldset>
        )}
        <label>
          Format{' '}
          <select
            aria-label={`Export format for ${label}`}
            value={formatId}
            onChange={(e) => setFormatId(e.target.value as ExportFormatId)}
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        {TEXTS_OPTIONAL.includes(formatId) && (
          <label>
            <input type="checkbox" checked={texts} onChange={(e) => setTexts(e.target.checked)} />{' '}
            Include the texts
          </label>
        )}
        <details className="export-filter">
          <summary>Filter{isEmptyFilter(filter) ? '' : `: ${describeFilter(filter)}`}</summary>
          <fieldset>
            <legend>Status</legend>
            {STATUSES.map((s) => (
              <label key={s}>
                <input
                  type="checkbox"
                  checked={statuses.includes(s)}
                  onChange={(e) => setStatuses(toggle(statuses, s, e.target.checked))}
                />{' '}
                {s}
              </label>
            ))}
          </fieldset>
          <label>
            Tags (any of, comma-separated){' '}
            <input
              type="text"
              aria-label="Export only traces with these tags"
              value={tagText}
              onChange={(e) => setTagText(e.target.value)}
            />
          </label>
          {facets && facets.labels.length > 0 && (
            <fieldset>
              <legend>Span labels</legend>
              {facets.labels.map((l) => (
                <label key={l}>
                  <input
                    type="checkbox"
                    checked={labels.includes(l)}
                    onChange={(e) => setLabels(toggle(labels, l, e.target.checked))}
                  />{' '}
                  <SafeText text={l} />
                </label>
              ))}
            </fieldset>
          )}
          {facets && facets.annotators.length > 0 && (
            <fieldset>
              <legend>Annotators</legend>
              {facets.annotators.map((a) => (
                <label key={a}>
                  <input
                    type="checkbox"
                    checked={annotators.includes(a)}
                    onChange={(e) => setAnnotators(toggle(annotators, a, e.target.checked))}
                  />{' '}
                  <SafeText text={a} />
                </label>
              ))}
            </fieldset>
          )}
          <p className="muted small">
            Labels and annotators keep only their spans, and only traces that have one.
          </p>
        </details>
        {format.offsetUnit && (
          <p>Offsets in {UNITS[format.offsetUnit]}, each span with its text.</p>
        )}
        {format.drops.length > 0 && (
          <div className="export-drops">
            This format drops:
            <ul>
              {format.drops.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </div>
        )}
        {canPick ? (
          <label>
            <input type="checkbox" checked={toFile} onChange={(e) => setToFile(e.target.checked)} />{' '}
            Choose where to save (written straight to the file)
          </label>
        ) : (
          <p className="muted small">The file is downloaded.</p>
        )}
        {running ? (
          <ExportStatus state={state} label={label} cancel={cancel} />
        ) : (
          <>
            <button
              type="button"
              onClick={() => void run()}
              aria-label={`Export ${label} as ${format.label}`}
            >
              Export
            </button>
            <ExportStatus state={state} label={label} cancel={cancel} />
          </>
        )}
      </div>
    </details>
  )
}
