import { bidiPieces } from '../../lib/text/bidi'
import './safe-text.css'

/**
 * Untrusted text shown where it must not reorder what surrounds it (dataset names, keys,
 * problems, file names in messages): isolated (`<bdi>`, `unicode-bidi: isolate`), and any
 * bidirectional control shown as a visible marker instead of being obeyed.
 */
export function SafeText({ text }: { text: string }) {
  const pieces = bidiPieces(text)
  if (pieces.length === 1 && 'text' in pieces[0]!) return <bdi className="safe-text">{text}</bdi>
  return (
    <bdi className="safe-text">
      {pieces.map((p, i) =>
        'text' in p ? (
          p.text
        ) : (
          <abbr
            key={i}
            className="bidi-mark"
            title={`${p.control} (${p.codePoint}): a bidirectional control character, shown instead of applied`}
          >
            {p.control}
          </abbr>
        ),
      )}
    </bdi>
  )
}
