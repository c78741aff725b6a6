import { useMemo } from 'react'
import { SafeText } from '../../../components/safe-text/safe-text'
import { tagAgreement, type TagKappa, type TaggedTrace } from '../../../lib/agreement/tag-agreement'

const METHOD = { cohen: 'Cohen’s kappa', fleiss: 'Fleiss’ kappa' } as const

function kappaCell(k: TagKappa) {
  return k.kappa === null ? `n/a (${k.reason ?? 'undefined'})` : k.kappa.toFixed(3)
}

/**
 * Kappa on trace tags (lib/agreement/tag-agreement.ts): the unit is a trace every chosen
 * annotator gave tags to (an empty choice counts); per tag on "has the tag", and overall over
 * every (trace, tag) pair.
 */
export function TagAgreementSection({
  traces,
  annotators,
}: {
  traces: readonly TaggedTrace[]
  annotators: readonly string[]
}) {
  const result = useMemo(() => tagAgreement(traces, annotators), [traces, annotators])
  const method = METHOD[result.overall.method]
  return (
    <section aria-labelledby="tag-agreement-heading">
      <h2 id="tag-agreement-heading">Trace tags</h2>
      <p data-testid="tag-kappa">
        On {result.traces} traces (the unit: a trace that each of{' '}
        {annotators.map((a, i) => (
          <span key={a}>
            {i > 0 && ', '}
            <SafeText text={a} />
          </span>
        ))}{' '}
        tagged, choosing no tag included; tags recorded without an annotator are not used): {method}{' '}
        on “has the tag”, overall over {result.overall.units} (trace, tag) pairs:{' '}
        {kappaCell(result.overall)}.
      </p>
      {result.perTag.length > 0 && (
        <table aria-label="Tag agreement by tag">
          <thead>
            <tr>
              <th>Tag</th>
              <th>{method}</th>
              <th>Units (traces; pairs overall)</th>
              {annotators.map((a) => (
                <th key={a}>
                  Tagged by <SafeText text={a} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...result.perTag, result.overall].map((k) => (
              <tr key={k.tag ?? '\u0000overall'}>
                <th scope="row">{k.tag === null ? 'overall' : <SafeText text={k.tag} />}</th>
                <td>{kappaCell(k)}</td>
                <td>{k.units}</td>
                {k.positives.map((n, i) => (
                  <td key={annotators[i]}>{n}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
