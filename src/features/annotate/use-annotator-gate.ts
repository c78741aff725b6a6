import { useCallback, useEffect, useRef, useState } from 'react'
import {
  annotatorSeen,
  chosenAnnotator,
  readAnnotator,
  saveAnnotator,
  useAnnotator,
  useAnnotatorKnown,
} from '../../data/annotator'

/**
 * The annotator name for a new annotation. A browser profile that never had one is asked once,
 * at its first annotation: that annotation waits for the answer (a skip keeps "anonymous", also
 * stored, so the question never comes back) and then goes ahead with it. The header's field
 * changes the name at any time.
 */
export function useAnnotatorGate() {
  const [annotator] = useAnnotator()
  const known = useAnnotatorKnown()
  const latest = useRef({ annotator, known })
  useEffect(() => {
    latest.current = { annotator, known }
    if (known === true) annotatorSeen(annotator)
  })
  // The answer given here, until the stored name shows it (or when storing it failed).
  const answered = useRef<string | null>(null)
  const waiting = useRef<((name: string) => void)[]>([])
  const [asking, setAsking] = useState(false)

  const ask = useCallback((run: (name: string) => void) => {
    waiting.current.push(run)
    setAsking(true)
  }, [])

  const withAnnotator = useCallback(
    (run: (annotator: string) => void) => {
      const { annotator: name, known: isKnown } = latest.current
      // A name just chosen in the header, before the live query shows it.
      const chosen = chosenAnnotator()
      if (chosen !== null) run(chosen)
      else if (isKnown === true) run(name)
      else if (answered.current !== null) run(answered.current)
      else if (waiting.current.length > 0 || isKnown === false) ask(run)
      // Not read yet (the trace opened a moment ago): ask the database.
      else
        void readAnnotator().then((stored) => {
          if (answered.current !== null) run(answered.current)
          else if (stored === null) ask(run)
          else run(stored)
        })
    },
    [ask],
  )

  const answer = useCallback((name: string) => {
    answered.current = name
    setAsking(false)
    const runs = waiting.current
    waiting.current = []
    void saveAnnotator(name)
    for (const run of runs) run(name)
  }, [])

  return { withAnnotator, asking, answer }
}
