import { BOOTSTRAP_LEVEL, BOOTSTRAP_SEED } from '../../lib/stats/bootstrap'

/** What each figure of the summary means, behind its (i); the README repeats these. */
export const SUMMARY_DEFINITIONS = {
  summary: `Per dataset and group. Intervals in brackets are ${BOOTSTRAP_LEVEL * 100}% percentile bootstrap intervals: the group's traces resampled with replacement (2,000 times; 500 above 5,000 traces, 200 above 20,000), with a fixed seed (${BOOTSTRAP_SEED}), so the same traces always give the same interval.`,
  pooled:
    'All pivots of the group divided by all its words, × 1,000: long traces weigh more. The bootstrap resamples traces.',
  mean: 'The mean of the per-trace densities (each trace’s pivots / its words × 1,000): every trace weighs the same.',
  median: 'The median of the per-trace densities: robust to a few looping traces.',
  truncated:
    'Share of traces cut off before the model finished: the source says the length limit was hit, a thought block was never closed, or there is no answer and the text ends mid-sentence.',
  paired:
    'Traces of datasets paired by problem (same normalised problem text, or same key), each against the reference dataset. Per problem: the mean of the chosen metric over its traces in each dataset, and the difference (other − reference). The interval of the mean difference resamples problems, so it is a paired interval.',
} as const
