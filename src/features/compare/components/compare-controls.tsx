import type { DiffUnit } from '../../../lib/compare/trace-diff'
import type { DiffState } from '../use-trace-diff'
import type { SyncMode } from '../use-scroll-sync'
import type { AlignmentState } from '../use-step-alignments'

export const DIFF_COLORS = { removed: '#fecaca', added: '#bbf7d0' } as const

interface Props {
  panes: number
  sync: SyncMode
  onSync: (mode: SyncMode) => void
  alignment: AlignmentState
  diffUnit: DiffUnit | null
  onDiffUnit: (unit: DiffUnit | null) => void
  diffPair: [number, number]
  onDiffPair: (pair: [number, number]) => void
  diff: DiffState
}

/** Scrolling together (by position or aligned step) and the diff of two panes. */
export function CompareControls(props: Props) {
  const { panes, sync, diffUnit, diffPair, diff } = props
  const paneOptions = Array.from({ length: panes }, (_, i) => (
    <option key={i} value={i}>
      pane {i + 1}
    </option>
  ))
  return (
    <div className="compare-controls">
      <fieldset>
        <legend>Scroll together</legend>
        {(
          [
            ['position', 'by position'],
            ['step', 'by aligned step'],
            ['off', 'off'],
          ] as const
        ).map(([mode, text]) => (
          <label key={mode}>
            <input
              type="radio"
              name="scroll-sync"
              checked={sync === mode}
              onChange={() => props.onSync(mode)}
            />{' '}
            {text}
          </label>
        ))}
        <AlignmentNote state={props.alignment} />
      </fieldset>
      <fieldset>
        <legend>Diff</legend>
        <label>
          by{' '}
          <select
            aria-label="Diff by"
            value={diffUnit ?? ''}
            onChange={(e) => props.onDiffUnit((e.target.value || null) as DiffUnit | null)}
          >
            <option value="">off</option>
            <option value="step">step</option>
            <option value="sentence">sentence</option>
          </select>
        </label>
        {panes > 2 && (
          <>
            <select
              aria-label="Diff from"
              value={diffPair[0]}
              onChange={(e) => props.onDiffPair([Number(e.target.value), diffPair[1]])}
            >
              {paneOptions}
            </select>
            against
            <select
              aria-label="Diff against"
              value={diffPair[1]}
              onChange={(e) => props.onDiffPair([diffPair[0], Number(e.target.value)])}
            >
              {paneOptions}
            </select>
          </>
        )}
        <DiffSummary state={diff} pair={diffPair} />
      </fieldset>
    </div>
  )
}

function DiffSummary({ state, pair }: { state: DiffState; pair: [number, number] }) {
  if (state.status === 'off') return null
  if (state.status === 'running')
    return (
      <span className="muted small" role="status">
        comparing…
      </span>
    )
  if (state.status === 'failed')
    return (
      <span className="error small" role="alert">
        The diff failed: {state.message}
      </span>
    )
  const { counts, complete, unit } = state.diff
  return (
    <span className="small" role="status" data-testid="diff-summary">
      {counts.shared} {unit}s shared ·{' '}
      <span className="diff-swatch" style={{ background: DIFF_COLORS.removed }} />
      {counts.removed} only in pane {pair[0] + 1} ·{' '}
      <span className="diff-swatch" style={{ background: DIFF_COLORS.added }} />
      {counts.added} only in pane {pair[1] + 1}
      {!complete && ' (too different to align: nothing shared)'}
    </span>
  )
}

/** How aligned-step scrolling matches the steps: by the diff by step once it is in. */
function AlignmentNote({ state }: { state: AlignmentState }) {
  if (state.status === 'off') return null
  if (state.status === 'running')
    return (
      <span className="muted small" role="status">
        aligning steps… (by step number until then)
      </span>
    )
  if (state.status === 'failed')
    return (
      <span className="error small" role="alert">
        The step alignment failed ({state.message}); scrolling by step number.
      </span>
    )
  const matched = Math.max(0, ...[...state.alignments.values()].map((p) => p.length))
  return (
    <span className="muted small" role="status" data-testid="alignment-note">
      {matched === 0
        ? 'no step is shared: by step number'
        : 'matched steps together (diff by step), the rest by step number from the last match'}
    </span>
  )
}
