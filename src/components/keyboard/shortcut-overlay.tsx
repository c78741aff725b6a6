import { useEffect, useRef } from 'react'
import './shortcut-overlay.css'

export interface ShortcutGroup {
  title: string
  shortcuts: { keys: string[]; does: string }[]
}

/**
 * The `?` overlay: every shortcut of the current screen, in groups. A modal dialog (focus is
 * kept inside; Escape or the button closes it).
 */
export function ShortcutOverlay({
  groups,
  onClose,
}: {
  groups: ShortcutGroup[]
  onClose: () => void
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
  }, [])
  return (
    <dialog
      ref={dialog}
      className="shortcut-overlay"
      aria-labelledby="shortcut-overlay-title"
      data-testid="shortcut-overlay"
      onClose={onClose}
      onKeyDown={(e) => {
        if (e.key === '?') {
          e.preventDefault()
          dialog.current?.close()
        }
      }}
    >
      <h2 id="shortcut-overlay-title">Keyboard shortcuts</h2>
      {groups.map((g) => (
        <section key={g.title} aria-label={g.title}>
          <h3>{g.title}</h3>
          <table>
            <tbody>
              {g.shortcuts.map((s) => (
                <tr key={s.keys.join(' ') + s.does} data-testid="shortcut">
                  <th scope="row">
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && ' '}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </th>
                  <td>{s.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  )
}
