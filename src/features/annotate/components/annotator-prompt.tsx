import { useEffect, useRef } from 'react'
import { DEFAULT_ANNOTATOR } from '../../../data/annotator'

/**
 * Asked once per browser profile, at its first annotation: the annotator's name. A modal dialog
 * (focus starts in the field and stays inside); Enter saves, Skip or Escape keeps "anonymous".
 */
export function AnnotatorPrompt({ onAnswer }: { onAnswer: (name: string) => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const done = useRef(false)
  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
    input.current?.focus()
  }, [])
  const finish = (name: string) => {
    if (done.current) return
    done.current = true
    dialog.current?.close()
    onAnswer(name.trim() || DEFAULT_ANNOTATOR)
  }
  return (
    <dialog
      ref={dialog}
      className="annotator-prompt"
      aria-labelledby="annotator-prompt-title"
      aria-describedby="annotator-prompt-why"
      data-testid="annotator-prompt"
      onCancel={(e) => {
        e.preventDefault()
        finish(DEFAULT_ANNOTATOR)
      }}
      onClose={() => finish(DEFAULT_ANNOTATOR)}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          finish(input.current?.value ?? '')
        }}
      >
        <h2 id="annotator-prompt-title">Who is annotating?</h2>
        <p id="annotator-prompt-why">
          Your name is recorded with every span you make and goes with every export, so that your
          labels can be told from a colleague&apos;s. Asked once; change it any time in the header.
        </p>
        <label className="annotator-prompt-field">
          Your name{' '}
          <input
            ref={input}
            name="annotator"
            autoComplete="name"
            placeholder="e.g. your initials"
          />
        </label>
        <div className="annotator-prompt-actions">
          <button type="submit">Save and label</button>
          <button type="button" onClick={() => finish(DEFAULT_ANNOTATOR)}>
            Skip (stay “{DEFAULT_ANNOTATOR}”)
          </button>
        </div>
      </form>
    </dialog>
  )
}
