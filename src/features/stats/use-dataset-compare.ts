/**
 * What the dataset comparison reads: the ready datasets (for the choice, names and colours),
 * the summaries of the chosen ones (metrics only, never texts) and the active lexicon.
 */
import { useMemo } from 'react'
import { readTexts, useTracesOfDatasets } from '../../data/compare'
import { useReadyDatasets } from '../../data/datasets'
import { useActiveLexicon } from '../../data/lexicons'
import { datasetColours, shortNames } from '../../lib/compare/dataset-labels'
import {
  llmComparatorFile,
  pairByProblem,
  type LlmComparatorFile,
} from '../../lib/compare/llm-comparator'
import { groupTraces } from '../../lib/stats/trace-groups'
import type { Dataset, Trace } from '../../lib/traces/trace-model'

export interface ComparedDataset {
  dataset: Dataset
  short: string
  color: string
}

export function useDatasetCompare(datasetIds: readonly string[]) {
  const key = datasetIds.join(',')
  const datasets = useReadyDatasets()
  const traces = useTracesOfDatasets(datasetIds)
  const lexicon = useActiveLexicon()
  return useMemo(() => {
    if (datasets === undefined || traces === undefined || lexicon === undefined) return undefined
    const byId = new Map(datasets.map((d) => [d.id, d]))
    const chosen = (key ? key.split(',') : []).flatMap((id) => byId.get(id) ?? [])
    const colours = datasetColours(datasets)
    const shorts = shortNames(chosen.map((d) => d.name))
    const compared: ComparedDataset[] = chosen.map((d, i) => ({
      dataset: d,
      short: shorts[i]!,
      color: colours.get(d.id)!,
    }))
    const names = new Map(compared.map((c) => [c.dataset.id, c.short]))
    return {
      datasets,
      colours,
      compared,
      lexicon,
      traces,
      groups: groupTraces(traces, names),
    }
  }, [datasets, traces, lexicon, key])
}

/**
 * The comparison of two datasets as LLM Comparator JSON: the first trace of each problem both
 * hold, with its texts (read here, a page of texts per pair list).
 */
export async function comparatorExport(
  a: ComparedDataset,
  b: ComparedDataset,
  traces: readonly Trace[],
): Promise<LlmComparatorFile> {
  const pairs = pairByProblem(
    traces.filter((t) => t.datasetId === a.dataset.id),
    traces.filter((t) => t.datasetId === b.dataset.id),
  )
  const texts = await readTexts(pairs.flatMap(([x, y]) => [x.id, y.id]))
  return llmComparatorFile({
    modelNames: [a.short, b.short],
    sourcePath: `Tracemark: ${a.dataset.name} vs ${b.dataset.name}, ${new Date().toISOString()}`,
    pairs: pairs.flatMap(([x, y], i) => {
      const tx = texts[2 * i]
      const ty = texts[2 * i + 1]
      return tx && ty ? [{ a: { trace: x, texts: tx }, b: { trace: y, texts: ty } }] : []
    }),
  })
}
