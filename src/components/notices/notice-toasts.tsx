import { useNoticeStore, type Notice } from '../../stores/notice-store'
import './notice-toasts.css'

/**
 * The notices of src/data/notify.ts as toasts, bottom right. Both live regions exist from the
 * start (a region added together with its text is not announced): failures are assertive,
 * the rest polite.
 */
export function NoticeToasts() {
  const notices = useNoticeStore((s) => s.notices)
  const errors = notices.filter((n) => n.kind === 'error')
  const others = notices.filter((n) => n.kind !== 'error')
  return (
    <div className="notice-toasts">
      <ul aria-live="polite" aria-label="Notices">
        {others.map((n) => (
          <Toast key={n.id} notice={n} />
        ))}
      </ul>
      <ul aria-live="assertive" aria-label="Errors">
        {errors.map((n) => (
          <Toast key={n.id} notice={n} />
        ))}
      </ul>
    </div>
  )
}

function Toast({ notice }: { notice: Notice }) {
  const dismiss = useNoticeStore((s) => s.dismiss)
  const { retry } = notice
  return (
    <li className={`notice notice-${notice.kind}`} data-testid="notice">
      <span className="notice-message">{notice.message}</span>
      {retry && (
        <button
          type="button"
          onClick={() => {
            dismiss(notice.id)
            retry()
          }}
        >
          Retry
        </button>
      )}
      <button type="button" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
        ×
      </button>
    </li>
  )
}
