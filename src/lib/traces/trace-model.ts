/**
 * The domain model of DESIGN.md section 2: the shape of every persisted row.
 * Pure types, shared by lib (which produces them), db (which stores them), the workers and the UI.
 * Field names are the contract of the database and of the native export: do not rename
 * without a Dexie version with an upgrade function.
 */

export type TextField = 'problem' | 'reasoning' | 'answer'
export const TEXT_FIELDS: readonly TextField[] = ['problem', 'reasoning', 'answer']

/**
 * `importing`: a worker is writing it (a tab holds its Web Lock). `pending`: written, waiting for
 * the user's decision (`Dataset.pending` says which). `ready`: visible. `deleting`: being removed
 * in the background. Only `ready` datasets and their traces are shown anywhere.
 */
export type DatasetStatus = 'importing' | 'pending' | 'ready' | 'deleting'
export type TraceStatus = 'todo' | 'in-progress' | 'done'
export type AnnotationOrigin = 'manual' | 'suggestion' | 'imported'

/** Which source field became which trace field (source field names, or a path such as `code[0]`). */
export interface FieldMap {
  problem?: string
  reasoning?: string
  answer?: string
  gold?: string
  id?: string
  model?: string
  correct?: string
  /** A list of span annotations the source already carries (source-spans.ts). */
  spans?: string
}

export interface Dataset {
  id: string
  name: string
  source: string
  format: string
  importedAt: number
  fieldMap: FieldMap
  traceCount: number
  status: DatasetStatus
  variant: string
  /** Sum of the characters of all stored texts: an estimate of the size on disk. */
  textChars: number
  /** Set while `status` is `pending`: what the user is asked to decide, kept across reloads. */
  pending?: PendingDecision
  /**
   * Set while the preview of a Tracemark export stages its restore (`importing`, before the user
   * chose to import it): left behind by a closed tab, it is removed, not asked about.
   */
  staged?: true
}

/** Where a bad record is in its file ("line 3", "row 5", "element 7") and why it was refused. */
export interface BadRow {
  at: string
  reason: string
}

/** Traces whose key an earlier trace of the same import already has. */
export interface DuplicateKeys {
  count: number
  /** The first few, with where they are. */
  examples: { key: string; at: string }[]
}

/**
 * A decision waiting on the user, stored with the dataset so that it survives navigation and
 * reloads: bad rows were skipped, an import was cut off while holding spans, or a replacement
 * would leave spans without a trace.
 */
export interface PendingDecision {
  reason: 'bad-rows' | 'interrupted' | 'replace'
  badRowCount: number
  badRows: BadRow[]
  duplicates?: DuplicateKeys
  /** The dataset this one replaces when kept. */
  replaces?: string
  /** Spans of the replaced dataset, and how many of them find no trace of the same key. */
  spans?: number
  orphanSpans?: number
  /** Spans on this (cut-off) dataset's own traces. */
  ownSpans?: number
}

/** Per-trace style metrics (DESIGN section 4), computed in the worker at import. */
export interface TraceMetrics {
  chars: number
  words: number
  /** Approximate tokens: chars / 4, the usual rule of thumb for English BPE vocabularies. */
  tokens: number
  steps: number
  sentences: number
  /** Pivot count per lexicon category id. */
  pivots: Record<string, number>
  pivotTotal: number
  pivotsPer1k: number
  /** Number of distinct lexicon categories present at least once. */
  pivotCategories: number
  backtracks: number
  verifications: number
  /** Position of the first pivot as a fraction of the reasoning (0..1), or null without pivots. */
  firstPivotAt: number | null
  hasFinalAnswer: boolean
  /** The lexicon these counts were computed with. */
  lexiconId: string
  /**
   * Fingerprint of that lexicon's phrases and categories when the counts were made: an edited
   * lexicon keeps its id, so this tells stale metrics from current ones ('' when unknown).
   */
  lexiconHash: string
  /** Matches per lexicon phrase (the phrase as written in the lexicon); phrases not found are absent. */
  phraseCounts: Record<string, number>
  /** Pivots per tenth of the reasoning, by where they start: 10 counts summing to `pivotTotal`. */
  pivotPositions: number[]
}

export interface Trace {
  id: string
  datasetId: string
  /** The source's own id, or the 1-based row number. */
  key: string
  /** Hash of the normalised problem text: pairs traces of the same problem across datasets. */
  problemHash: string
  problemPreview: string
  model: string
  metrics: TraceMetrics
  correct: boolean | null
  /**
   * The model was cut off before it finished (src/lib/import/truncation.ts); absent on traces
   * imported before this was detected, which count as not truncated.
   */
  truncated?: boolean
  status: TraceStatus
  /** Trace-level labels: the union of `tagsBy` and of tags stored with no annotator. */
  tags: string[]
  /**
   * Each annotator's tags on the trace (lib/traces/trace-tags.ts); an empty list is an answer
   * ("no tag"). Absent on traces nobody tagged since tags were attributed. Not indexed.
   */
  tagsBy?: Record<string, string[]>
  /** The annotator's note on the whole trace; absent until one is written. */
  note?: string
  /** Row number in the source file (1-based), to keep source order in the table. */
  ordinal: number
  updatedAt: number
}

export interface TraceTexts {
  traceId: string
  /** Denormalised so that a dataset's texts can be deleted or exported through an index. */
  datasetId: string
  problem: string
  reasoning: string
  answer: string
  gold: string
  /** Every other source field, verbatim, so nothing is lost on export. */
  extra: Record<string, unknown>
}

export interface Annotation {
  id: string
  traceId: string
  field: TextField
  /** UTF-16 offsets into the stored text of `field`; end exclusive. */
  start: number
  end: number
  quote: string
  label: string
  note: string
  annotator: string
  origin: AnnotationOrigin
  rejected: boolean
  /** Values the source gave the span (e.g. Thought Anchors' importance scores); absent if none. */
  attributes?: Record<string, unknown>
  createdAt: number
  updatedAt: number
  /** Set when the span's trace went away (a replacement without that key): where it was. */
  orphanOf?: OrphanOrigin
}

/** Where an orphaned span came from; its `traceId` is then `orphan:` + the old trace id. */
export interface OrphanOrigin {
  datasetName: string
  key: string
  problemPreview: string
  orphanedAt: number
}

export interface Relation {
  id: string
  traceId: string
  from: string
  to: string
  label: string
  annotator: string
}

export interface TaxonomyLabel {
  id: string
  name: string
  color: string
  /** A single key; empty when the label has none. */
  shortcut: string
  description: string
  level: 'span' | 'trace'
}

export interface Taxonomy {
  id: string
  name: string
  labels: TaxonomyLabel[]
}

export interface LexiconCategory {
  id: string
  name: string
  color: string
  phrases: string[]
}

export interface Lexicon {
  id: string
  name: string
  categories: LexiconCategory[]
}

export interface Pref {
  key: string
  value: unknown
}

/** The trace-level fields the annotate screen sets (and its undo log restores). */
export interface TraceFields {
  status: TraceStatus
  tags: string[]
  /** null in the undo log: the trace had no `tagsBy` (restoring it removes the field). */
  tagsBy: Record<string, string[]> | null
  note: string
}

/** A row's state before and after one action; null where it did not exist. */
export interface RowChange<T> {
  id: string
  before: T | null
  after: T | null
}

/**
 * One annotate action on one trace (the `history` table, schema v3): what it changed, so that
 * it can be undone and redone, also after a reload. `undone` entries form the redo list.
 */
export interface HistoryEntry {
  id: string
  traceId: string
  /** Order of the actions of one trace. */
  seq: number
  /** The action in the user's words: "label Realization", "accept 12 suggestions". */
  what: string
  undone: boolean
  spans: RowChange<Annotation>[]
  relations: RowChange<Relation>[]
  trace?: { before: Partial<TraceFields>; after: Partial<TraceFields> }
}
