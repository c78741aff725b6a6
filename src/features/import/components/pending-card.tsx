import { useState } from 'react'
import { SafeText } from '../../../components/safe-text/safe-text'
import { formatCount } from '../../../lib/text/format'
import type { Dataset, PendingDecision } from '../../../lib/traces/trace-model'
import { discardPending, keepPending } from '../../../data/pending-imports'
import { DuplicateNote } from './import-status'

/** One import waiting on the user's keep / abort answer (loaded only when there is one). */
export function PendingCard({
  dataset,
  replacedName,
}: {
  dataset: Dataset
  replacedName?: string
}) {
  const [busy, setBusy] = useState(false)
  const decision: PendingDecision = dataset.pending ?? {
    reason: 'bad-rows',
    badRowCount: 0,
    badRows: [],
  }
  // Failures are reported by the write layer; the card stays to be answered again.
  const act = async (action: (d: Dataset) => Promise<void>) => {
    setBusy(true)
    await action(dataset)
    setBusy(false)
  }
  const headingId = `pending-${dataset.id}`
  const traces = formatCount(dataset.traceCount)
  const keepLabel =
    decision.reason === 'interrupted'
      ? `Keep the ${traces} traces imported`
      : decision.replaces && decision.badRowCount === 0
        ? 'Replace'
        : `Import the ${traces} valid traces`
  return (
    <section className="import-decide" role="region" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading(decision, dataset, replacedName)}</h2>
      {decision.reason === 'interrupted' && (
        <p>
          The import of <SafeText text={dataset.source} /> was cut off (its tab closed) after{' '}
          {traces} traces, and {formatCount(decision.ownSpans ?? 0)}{' '}
          {decision.ownSpans === 1 ? 'span was' : 'spans were'} labelled on them. Keep what was
          imported, or delete it with its spans.
        </p>
      )}
      {decision.badRowCount > 0 && (
        <>
          <p>
            <SafeText text={dataset.source} />: {traces} valid traces,{' '}
            {formatCount(decision.badRowCount)} bad records.
          </p>
          <ul className="bad-rows" aria-label="Bad rows">
            {decision.badRows.map((r) => (
              <li key={r.at}>
                {r.at}: <SafeText text={r.reason} />
              </li>
            ))}
          </ul>
        </>
      )}
      {decision.replaces && <ReplaceNote decision={decision} replacedName={replacedName} />}
      <p>
        <DuplicateNote duplicates={decision.duplicates} />
      </p>
      <div className="preview-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void act(keepPending)}
        >
          {keepLabel}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            const spans = decision.ownSpans ?? 0
            const ok =
              spans === 0 ||
              window.confirm(`Delete the ${traces} traces and the ${spans} spans labelled on them?`)
            if (ok) void act(discardPending)
          }}
        >
          {decision.reason === 'interrupted' ? 'Delete them' : 'Abort the import'}
        </button>
      </div>
    </section>
  )
}

function heading(decision: PendingDecision, dataset: Dataset, replacedName?: string) {
  const name = <SafeText text={dataset.name} />
  if (decision.reason === 'interrupted') return <>An import was cut off: {name}</>
  if (decision.replaces)
    return (
      <>
        Replace “<SafeText text={replacedName ?? 'a dataset'} />” with {name}?
      </>
    )
  return <>Bad records in {name}</>
}

function ReplaceNote({
  decision,
  replacedName,
}: {
  decision: PendingDecision
  replacedName?: string
}) {
  const spans = decision.spans ?? 0
  const orphans = decision.orphanSpans ?? 0
  return (
    <p>
      Replacing “<SafeText text={replacedName ?? ''} />
      ”: {formatCount(spans - orphans)} of {formatCount(spans)} spans move to the new traces with
      the same key;{' '}
      <strong>
        {formatCount(orphans)} of {formatCount(spans)} spans have no matching trace and will be
        listed as orphans
      </strong>{' '}
      (kept with their text and label, under “Orphaned spans”).
    </p>
  )
}
