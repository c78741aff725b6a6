/**
 * Tracemark JSONL, version 1: the native, lossless export (DESIGN section 6).
 * Do not change a field without bumping TRACEMARK_VERSION and keeping a reader for version 1.
 *
 * One JSON object per line, one line per trace, UTF-8, lines joined by "\n".
 * The dataset is repeated on every line so that each line stands alone (files can be
 * concatenated, split or filtered with `grep`/`jq`); a reader groups lines by `dataset.id`.
 *
 *   {"format": "tracemark", "version": 1, "offset_unit": "utf16",
 *    "dataset": {"id", "name", "source", "format", "variant", "status", "imported_at",
 *                "trace_count", "text_chars", "field_map": {"problem"?, "reasoning"?, "answer"?,
 *                "gold"?, "id"?, "model"?, "correct"?, "spans"?}},
 *    "trace": {"id", "key", "problem_hash", "problem_preview", "model", "correct", "truncated"?,
 *              "status", "tags", "tags_by"?, "note"?, "ordinal", "updated_at",
 *              "metrics": {"chars", "words", "tokens", "steps", "sentences", "pivots",
 *                          "pivot_total", "pivots_per_1k", "pivot_categories", "backtracks",
 *                          "verifications", "first_pivot_at", "has_final_answer", "lexicon_id",
 *                          "lexicon_hash", "phrase_counts", "pivot_positions"}},
 *    "problem": str, "reasoning": str, "answer": str, "gold": str,
 *    "extra": {...},
 *    "spans": [{"id", "field", "start", "end", "start_cp", "end_cp", "text", "label", "note",
 *               "annotator", "origin", "rejected", "attributes"?, "created_at", "updated_at"}],
 *    "relations": [{"id", "from", "to", "label", "annotator"}]}
 *
 * Keys are snake_case throughout, because the main consumers are Python (pandas, `datasets`)
 * and DESIGN fixes `offset_unit` and `start_cp`; the mapping to the camelCase domain model is
 * one-to-one. Keys that are data, not schema, are kept verbatim: those of `extra` (source
 * field names), `metrics.pivots` (lexicon category ids) and the values of `field_map`.
 *
 * Values:
 * - `start`/`end`: UTF-16 code units (what `offset_unit` names), end exclusive, into the text
 *   named by `field` (`problem` | `reasoning` | `answer`). `start_cp`/`end_cp`: the same span in
 *   Unicode code points, so in Python `line[span["field"]][span["start_cp"]:span["end_cp"]]
 *   == span["text"]`; in JavaScript `line[field].slice(start, end) === text`.
 *   `text` is the annotation's stored quote; a writer refuses a span where it does not match.
 * - `*_at`: milliseconds since the Unix epoch (JavaScript `Date.now()`, so integers).
 * - `trace.correct`: true, false or null (unknown). `first_pivot_at`: 0..1 or null.
 * - `trace.truncated` (added within version 1, written only when known): true when the model was
 *   cut off before it finished; a line without it restores a trace without it (not truncated).
 * - `trace.note` (added within version 1, written only when the trace has one): the annotator's
 *   note on the whole trace.
 * - `spans[].attributes` (added within version 1, written only when the span has them): values
 *   the source gave the span (e.g. importance scores), as JSON values.
 * - `metrics.phrase_counts`: matches per lexicon phrase (keys are phrases, data); `pivot_positions`:
 *   10 counts, pivots per tenth of the reasoning; `lexicon_hash`: fingerprint of the lexicon the
 *   counts were made with. The three were added within version 1: a reader takes a line without
 *   them as `{}`, ten zeros and '' (unknown, so the metrics show as stale).
 * - `dataset.status`: "importing" | "ready"; `trace.status`: "todo" | "in-progress" | "done";
 *   `spans[].origin`: "manual" | "suggestion" | "imported".
 * - `relations[].from`/`to`: ids of spans on the same line.
 * - `extra`: every other source field, as JSON values.
 * - Ids that the domain model repeats (a span's trace id, a trace's dataset id) are implied by
 *   the line and not written.
 * - U+2028, U+2029 and U+0085 are written as \u escapes, so that no line splitter (Python's
 *   `str.splitlines`, for one) breaks a record; all other text is written as UTF-8.
 * Readers ignore unknown keys, so fields may be added within a version.
 */
import type { Annotation, Dataset, Relation, Trace, TraceTexts } from '../traces/trace-model'

export const TRACEMARK_FORMAT = 'tracemark'
export const TRACEMARK_VERSION = 1
export const TRACEMARK_OFFSET_UNIT = 'utf16'

/** Everything stored about one trace: what a line is written from and read back into. */
export interface TraceBundle {
  dataset: Dataset
  trace: Trace
  texts: TraceTexts
  annotations: Annotation[]
  relations: Relation[]
}

/** What parseTracemarkLine returns: the rows to restore, exactly as they were exported. */
export type TracemarkRecord = TraceBundle

export interface TracemarkLine {
  format: typeof TRACEMARK_FORMAT
  version: typeof TRACEMARK_VERSION
  offset_unit: typeof TRACEMARK_OFFSET_UNIT
  dataset: {
    id: string
    name: string
    source: string
    format: string
    variant: string
    status: Dataset['status']
    imported_at: number
    trace_count: number
    text_chars: number
    field_map: Dataset['fieldMap']
  }
  trace: {
    id: string
    key: string
    problem_hash: string
    problem_preview: string
    model: string
    correct: boolean | null
    /** Added within version 1; absent when the trace has no such flag. */
    truncated?: boolean
    status: Trace['status']
    tags: string[]
    /**
     * Added within version 1: each annotator's tags (an empty list: looked, chose none), every
     * one also in `tags`; absent when no annotator tagged the trace.
     */
    tags_by?: Record<string, string[]>
    /** Added within version 1; absent when the trace has no note. */
    note?: string
    ordinal: number
    updated_at: number
    metrics: TracemarkMetrics
  }
  problem: string
  reasoning: string
  answer: string
  gold: string
  extra: Record<string, unknown>
  spans: TracemarkSpan[]
  relations: TracemarkRelation[]
}

export interface TracemarkMetrics {
  chars: number
  words: number
  tokens: number
  steps: number
  sentences: number
  pivots: Record<string, number>
  pivot_total: number
  pivots_per_1k: number
  pivot_categories: number
  backtracks: number
  verifications: number
  first_pivot_at: number | null
  has_final_answer: boolean
  lexicon_id: string
  /** Added within version 1; optional when read. */
  lexicon_hash?: string
  phrase_counts?: Record<string, number>
  pivot_positions?: number[]
}

export interface TracemarkSpan {
  id: string
  field: Annotation['field']
  start: number
  end: number
  start_cp: number
  end_cp: number
  text: string
  label: string
  note: string
  annotator: string
  origin: Annotation['origin']
  rejected: boolean
  /** Added within version 1; absent when the span has none. */
  attributes?: Record<string, unknown>
  created_at: number
  updated_at: number
}

export interface TracemarkRelation {
  id: string
  from: string
  to: string
  label: string
  annotator: string
}
