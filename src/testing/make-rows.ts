import { emptyMetrics } from '../lib/analysis/metrics'
import { newId, traceId } from '../lib/traces/ids'
import type {
  Annotation,
  Dataset,
  Trace,
  TraceMetrics,
  TraceTexts,
} from '../lib/traces/trace-model'

export function makeMetrics(over: Partial<TraceMetrics> = {}): TraceMetrics {
  return { ...emptyMetrics('sos-pivots'), ...over }
}

export function makeDataset(over: Partial<Dataset> = {}): Dataset {
  return {
    id: newId(),
    name: 'test set',
    source: 'test.jsonl',
    format: 'jsonl',
    importedAt: Date.now(),
    fieldMap: { reasoning: 'reasoning' },
    traceCount: 0,
    status: 'ready',
    variant: '',
    textChars: 0,
    ...over,
  }
}

export function makeTrace(datasetId: string, ordinal: number, over: Partial<Trace> = {}): Trace {
  return {
    id: traceId(datasetId, ordinal),
    datasetId,
    key: String(ordinal),
    problemHash: `p${ordinal}`,
    problemPreview: `problem ${ordinal}`,
    model: 'test-model',
    metrics: makeMetrics(),
    correct: null,
    status: 'todo',
    tags: [],
    ordinal,
    updatedAt: 0,
    ...over,
  }
}

export function makeTexts(trace: Trace, over: Partial<TraceTexts> = {}): TraceTexts {
  return {
    traceId: trace.id,
    datasetId: trace.datasetId,
    problem: trace.problemPreview,
    reasoning: 'Wait, let me check.',
    answer: '42',
    gold: '',
    extra: {},
    ...over,
  }
}

export function makeAnnotation(traceId: string, over: Partial<Annotation> = {}): Annotation {
  return {
    id: newId(),
    traceId,
    field: 'reasoning',
    start: 0,
    end: 4,
    quote: 'Wait',
    label: 'realization',
    note: '',
    annotator: 'tester',
    origin: 'manual',
    rejected: false,
    createdAt: 1,
    updatedAt: 1,
    ...over,
  }
}
