import { useCallback, useState } from 'react'
import { parsePatternsJsonl } from '../../lib/analysis/lexicon-patterns'
import { newId } from '../../lib/traces/ids'
import type { Lexicon } from '../../lib/traces/trace-model'

/** Reads a patterns JSONL file into a new user lexicon named after the file. */
export function usePatternsImport(save: (lexicon: Lexicon) => Promise<boolean>) {
  const [error, setError] = useState<string | null>(null)
  const importFile = useCallback(
    async (file: File): Promise<Lexicon | null> => {
      setError(null)
      try {
        const name = file.name.replace(/(\.patterns)?\.(jsonl|json|txt)$/i, '')
        const lexicon = parsePatternsJsonl(await file.text(), newId(), name)
        // A failed save is reported by the data layer.
        return (await save(lexicon)) ? lexicon : null
      } catch (e) {
        setError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`)
        return null
      }
    },
    [save],
  )
  return { importFile, error }
}
