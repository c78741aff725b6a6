/**
 * How an export reaches the disk: streamed into a file the user picks (File System Access API:
 * `showSaveFilePicker` then `createWritable`) where the browser has it, else a download.
 * Pure, so the choice is unit-tested; the browser side is components/download/save-file.ts.
 */
export type SaveMethod = 'file-system-access' | 'download'

/** The part of `window` the choice depends on. */
export interface SaveEnvironment {
  showSaveFilePicker?: unknown
  isSecureContext?: boolean
  /** A page inside a cross-origin frame may not open the picker. */
  self?: unknown
  top?: unknown
}

/** Whether this browser can stream an export into a file of the user's choice. */
export function canPickSaveFile(env: SaveEnvironment): boolean {
  return (
    typeof env.showSaveFilePicker === 'function' &&
    env.isSecureContext !== false &&
    (env.top === undefined || env.top === env.self)
  )
}

/** The method an export uses: the picker when asked for and available, a download otherwise. */
export function saveMethod(env: SaveEnvironment, preferPicker: boolean): SaveMethod {
  return preferPicker && canPickSaveFile(env) ? 'file-system-access' : 'download'
}

/** The picker's file type for an export: its MIME type and extension. */
export function pickerTypes(description: string, mimeType: string, extension: string) {
  return [{ description, accept: { [mimeType]: [`.${extension}`] } }]
}
