import { useMemo, useState } from 'react'
import { Link } from 'wouter'
import { SafeText } from '../../../components/safe-text/safe-text'
import { ADJUDICATED, adjudicate, useAgreementRows, useTaggedTraces } from '../../../data/agreement'
import { useAnnotator } from '../../../data/annotator'
import { useDataset } from '../../../data/datasets'
import {
  cohenKappa,
  fleissKappa,
  spanAgreement,
  textKey,
  tokenCategories,
  type Matching,
  type Score,
} from '../../../lib/agreement/agreement'
import { readerPath } from '../../../lib/reader/reader-link'
import type { Annotation, TextField } from '../../../lib/traces/trace-model'
import { TagAgreementSection } from './tag-agreement-section'

const pct = (x: number) => x.toFixed(3)
const kappaText = (k: number) =>
  Number.isNaN(k) ? 'n/a (every token has the same label, or none)' : k.toFixed(3)

/**
 * Agreement between the annotators of one dataset: pick two or more (from the spans and trace
 * tags present); span precision, recall and F1 per label and overall (the first picked is the
 * reference), with exact or overlap matching; Cohen's kappa (two) and Fleiss' kappa on token
 * units and on trace tags (tag-agreement-section.tsx); the disagreements, each opening the
 * trace at the span, with "Accept" to adjudicate.
 */
export function AgreementPage({ datasetId }: { datasetId: string }) {
  const dataset = useDataset(datasetId)
  const rows = useAgreementRows(datasetId)
  const tagged = useTaggedTraces(datasetId)
  const [decider] = useAnnotator()
  const [picked, setPicked] = useState<string[] | null>(null)
  const [matching, setMatching] = useState<Matching>('exact')
  const annotators = useMemo(
    () =>
      [
        ...new Set([
          ...(rows?.spans ?? []).map((s) => s.annotator),
          ...(tagged ?? []).flatMap((t) => Object.keys(t.tagsBy)),
        ]),
      ]
        .filter((a) => a !== ADJUDICATED)
        .sort(),
    [rows, tagged],
  )
  const chosen = picked ?? annotators.slice(0, 2)
  const result = useMemo(() => {
    if (!rows || chosen.length < 2) return null
    const spans = rows.spans.filter((s) => chosen.includes(s.annotator))
    const texts = new Map<string, string>()
    for (const [traceId, fields] of rows.texts) {
      for (const field of Object.keys(fields) as TextField[]) {
        if (spans.some((s) => s.traceId === traceId && s.field === field)) {
          texts.set(textKey(traceId, field), fields[field])
        }
      }
    }
    const units = tokenCategories(texts, spans, chosen)
    const [reference, other] = chosen as [string, string]
    return {
      spans: spanAgreement(spans, reference, other, matching),
      cohen: chosen.length === 2 ? cohenKappa(units.map(([a, b]) => [a!, b!] as const)) : NaN,
      fleiss: fleissKappa(units),
      units: units.length,
    }
  }, [rows, chosen, matching])

  if (rows === undefined || tagged === undefined) return <p className="page">Loading…</p>
  const byId = new Map(rows.spans.map((s) => [s.id, s]))
  const disagreements = result
    ? [...result.spans.onlyReference, ...result.spans.onlyOther].map((s) => byId.get(s.id)!)
    : []
  return (
    <section className="page agreement-page">
      <header className="page-header">
        <nav aria-label="Breadcrumb" className="crumbs">
          <Link href={`/datasets/${datasetId}`}>{dataset?.name ?? 'dataset'}</Link> ›
        </nav>
        <h1>Agreement</h1>
      </header>
      {annotators.length < 2 ? (
        <p>
          Agreement needs spans or trace tags by two or more annotators; this dataset has{' '}
          {annotators.length === 0 ? 'none' : 'one'}.
        </p>
      ) : (
        <>
          <fieldset>
            <legend>Annotators (the first is the reference)</legend>
            {annotators.map((a) => (
              <label key={a}>
                <input
                  type="checkbox"
                  checked={chosen.includes(a)}
                  onChange={(e) =>
                    setPicked(e.target.checked ? [...chosen, a] : chosen.filter((x) => x !== a))
                  }
                />{' '}
                <SafeText text={a} />
              </label>
            ))}
          </fieldset>
          <label>
            Matching{' '}
            <select
              aria-label="Span matching"
              value={matching}
              onChange={(e) => setMatching(e.target.value as Matching)}
            >
              <option value="exact">exact (same start, end and label)</option>
              <option value="overlap">overlap (same label, sharing a character)</option>
            </select>
          </label>
          {result === null ? (
            <p>Pick two or more annotators.</p>
          ) : (
            <>
              <h2>Spans</h2>
              <p data-testid="kappa">
                On {result.units} token units (each whitespace-separated token of the annotated
                texts, with the label of the span over it or none): Cohen’s kappa{' '}
                {chosen.length === 2 ? kappaText(result.cohen) : '— (two annotators only)'}, Fleiss’
                kappa {kappaText(result.fleiss)}.
              </p>
              <table aria-label="Span agreement by label">
                <thead>
                  <tr>
                    <th>Label</th>
                    <th>Precision</th>
                    <th>Recall</th>
                    <th>F1</th>
                    <th>Matched</th>
                    <th>Only {chosen[1]}</th>
                    <th>Only {chosen[0]}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...result.spans.perLabel].map(([label, score]) => (
                    <ScoreRow key={label} name={label} score={score} />
                  ))}
                  <ScoreRow name="overall" score={result.spans.overall} />
                </tbody>
              </table>
              <TagAgreementSection traces={tagged} annotators={chosen} />
              <h2>Disagreements ({disagreements.length})</h2>
              <ul aria-label="Disagreements">
                {disagreements.map((span) => (
                  <Disagreement
                    key={span.id}
                    span={span}
                    traceKey={rows.keys.get(span.traceId) ?? span.traceId}
                    text={rows.texts.get(span.traceId)?.[span.field] ?? ''}
                    decider={decider}
                  />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  )
}

function ScoreRow({ name, score }: { name: string; score: Score }) {
  return (
    <tr>
      <th scope="row">
        <SafeText text={name} />
      </th>
      <td>{pct(score.precision)}</td>
      <td>{pct(score.recall)}</td>
      <td>{pct(score.f1)}</td>
      <td>{score.truePositives}</td>
      <td>{score.falsePositives}</td>
      <td>{score.falseNegatives}</td>
    </tr>
  )
}

function Disagreement({
  span,
  traceKey,
  text,
  decider,
}: {
  span: Annotation
  traceKey: string
  text: string
  decider: string
}) {
  const [done, setDone] = useState(false)
  return (
    <li data-testid="disagreement">
      <Link href={readerPath(span.traceId, { at: span.start, to: span.end })}>
        trace <SafeText text={traceKey} />
      </Link>{' '}
      <SafeText text={span.annotator} />: “<SafeText text={span.quote} />” as{' '}
      <SafeText text={span.label} /> ({span.field} {span.start}–{span.end}){' '}
      <button
        type="button"
        disabled={done}
        onClick={() => void adjudicate(span, text, decider).then((ok) => setDone(ok))}
      >
        {done ? 'Accepted' : `Accept ${span.annotator}’s span`}
      </button>
    </li>
  )
}
