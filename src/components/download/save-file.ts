/**
 * Where an export is written: a file the user picks, streamed through the File System Access
 * API (`showSaveFilePicker`, `createWritable`) where the browser has it, else a download. The
 * picker has to be opened while the click is fresh, so a save target is opened before the
 * export runs and written (or aborted) when it ends. The choice itself is lib/export/save-method.ts.
 */
import { pickerTypes, saveMethod, type SaveMethod } from '../../lib/export/save-method'
import { downloadBlob } from './download-blob'

export interface SaveTarget {
  method: SaveMethod
  /** Streams the file's bytes to its place. */
  write(blob: Blob): Promise<void>
  /** Nothing is kept (a picked file is left as it was). */
  abort(): Promise<void>
}

export interface SaveRequest {
  fileName: string
  description: string
  mimeType: string
  extension: string
  preferPicker: boolean
}

/** The File System Access API, as far as it is used here (not in every TypeScript DOM lib). */
interface PickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string
    types: ReturnType<typeof pickerTypes>
  }) => Promise<{ createWritable(): Promise<WritableStream<Uint8Array>> }>
}

/** The save target, or null when the user dismissed the picker (nothing is exported then). */
export async function openSaveTarget(request: SaveRequest): Promise<SaveTarget | null> {
  const win = window as Window & PickerWindow
  const method = saveMethod(win, request.preferPicker)
  if (method === 'download' || !win.showSaveFilePicker) {
    return {
      method: 'download',
      write: (blob) => {
        downloadBlob(blob, request.fileName)
        return Promise.resolve()
      },
      abort: () => Promise.resolve(),
    }
  }
  let writable: WritableStream<Uint8Array>
  try {
    const handle = await win.showSaveFilePicker({
      suggestedName: request.fileName,
      types: pickerTypes(request.description, request.mimeType, request.extension),
    })
    writable = await handle.createWritable()
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null
    throw error
  }
  return {
    method,
    // pipeTo closes the file when the blob has been written, and aborts it on a failure.
    write: (blob) => blob.stream().pipeTo(writable),
    abort: () => writable.abort(),
  }
}
