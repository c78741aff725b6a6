import { useMemo, useState } from 'react'
import { EXPORT_FORMATS, exportFormat, type ExportFormatId } from '../../../lib/export/formats'
import type { ExportChoice, ExportTarget } from '../../../workers/export-protocol'
import { useExport } from '../use-export'
import { ExportStatus } from './export-status'
import './export-more.css'

/** Formats whose texts are optional; the others are their texts. */
const TEXTS_OPTIONAL: ExportFormatId[] = ['tracemark', 'csv', 'parquet']

const UNITS = { utf16: 'UTF-16 code units', codepoint: 'Unicode code points' }

/**
 * Every export format for a dataset or a selection: the format, texts on or off, what the
 * format drops (before anything is written), then the export with progress and cancel.
 */
export function ExportMore({ target, label }: { target: ExportTarget; label: string }) {
  const [formatId, setFormatId] = useState<ExportFormatId>('doccano')
  const [texts, setTexts] = useState(true)
  const format = exportFormat(formatId)
  const choice: ExportChoice = useMemo(
    () => ({ format: formatId, options: { texts } }),
    [formatId, texts],
  )
  const { state, run, cancel } = useExport(target, label, choice)
  const running = state.phase === 'running' || state.phase === 'cancelling'
  return (
    <details className="export-more">
      <summary>Other formats…</summary>
      <div className="export-more-body">
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
