import { create } from 'zustand'

/**
 * The notices shown as toasts (the one channel by which the app tells the user that something
 * failed or finished). Filled through `notify` of src/data/notify.ts; read by the toasts.
 */
export type NoticeKind = 'error' | 'info' | 'success'

export interface Notice {
  id: number
  kind: NoticeKind
  message: string
  /** Runs the failed action again; the toast shows a Retry button when set. */
  retry?: () => void
}

interface NoticeState {
  notices: Notice[]
  push: (notice: Omit<Notice, 'id'>) => number
  dismiss: (id: number) => void
  reset: () => void
}

/** More than this many at once is noise: the oldest go first. */
const MAX_NOTICES = 5
let lastId = 0

export const useNoticeStore = create<NoticeState>()((set) => ({
  notices: [],
  push: (notice) => {
    const id = ++lastId
    set((s) => ({ notices: [...s.notices, { ...notice, id }].slice(-MAX_NOTICES) }))
    return id
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  reset: () => set({ notices: [] }),
}))
