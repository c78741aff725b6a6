import { useNoticeStore, type NoticeKind } from '../stores/notice-store'

export interface NoticeInput {
  kind: NoticeKind
  message: string
  /** Offered as a Retry button; the notice closes when it is pressed. */
  retry?: () => void
}

/** How long a notice that reports no failure stays up. Failures stay until dismissed. */
const CALM_NOTICE_MS = 6000

/** Tells the user something (a toast, announced to screen readers). Returns its id. */
export function notify({ kind, message, retry }: NoticeInput): number {
  const { push, dismiss } = useNoticeStore.getState()
  const id = push({ kind, message, retry })
  if (kind !== 'error') setTimeout(() => dismiss(id), CALM_NOTICE_MS)
  return id
}

export function dismissNotice(id: number): void {
  useNoticeStore.getState().dismiss(id)
}

/** The reason to show for a failure: the error's message, never a stack. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  return String(error)
}
