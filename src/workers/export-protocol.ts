/** The export worker's contract with the page (through comlink): plain data only. */
export interface ExportProgress {
  traces: number
  totalTraces: number
}

export interface ExportWorkerApi {
  /** Tracemark JSONL of one dataset, every trace with its texts, spans and relations. */
  exportDataset(datasetId: string, onProgress: (p: ExportProgress) => void): Promise<Blob>
}
