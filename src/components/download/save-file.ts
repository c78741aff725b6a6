/**
 * Where an export is written: a file the user picks, streamed through the File System Access
 * API (`showSaveFilePicker`, `createWritable`) where the browser has it, else a download. The
 * picker has to be opened while the click is fresh, so a save target is opened before the
 * export runs. A picked file takes the export a part at a time as the worker writes it (memory
 * never holds the whole export) and is closed at the end, or aborted: the File System Access API
 * writes into a temporary file that only `close()` puts in place, so an aborted export leaves
 * the picked file as it was. A download takes the whole Blob at the end. The choice itself is
 * lib/export/save-method.ts.
 */
import { pickerTypes, saveMethod, type SaveMethod } from '../../lib/export/save-method'
import { downloadBlob } from './download-blob'

export interface SaveTarget {
  method: SaveMethod
  /**
   * Writes the next part of the file at once (resolving when it is written), or null when the
   * target needs the whole file at the end (a download).
   */
  append: ((part: Blob) => Promise<void>) | null
  /** Ends the file: a download saves `whole`; a streamed file is closed (`whole` is null). */
  finish(whole: Blob | null): Promise<void>
  /** Nothing is kept (a picked file is left as it was). Safe to call more than once. */
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
      append: null,
      finish: (whole) => {
        if (whole) downloadBlob(whole, request.fileName)
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
  return streamedTarget(method, writable.getWriter())
}

/** A picked file, written a part at a time through one writer. */
function streamedTarget(
  method: SaveMethod,
  writer: WritableStreamDefaultWriter<Uint8Array>,
): SaveTarget {
  let ended = false
  return {
    method,
    append: async (part) => {
      if (ended) throw new Error('the file is already closed')
      // One part (a page of traces) in memory at a time.
      await writer.write(new Uint8Array(await part.arrayBuffer()))
    },
    finish: async (whole) => {
      if (ended) return
      if (whole) await writer.write(new Uint8Array(await whole.arrayBuffer()))
      ended = true
      await writer.close()
    },
    abort: async () => {
      if (ended) return
      ended = true
      await writer.abort()
    },
  }
}
