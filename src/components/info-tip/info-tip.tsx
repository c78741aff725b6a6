import { useId, useState } from 'react'
import './info-tip.css'

/**
 * An (i) button that shows a definition on hover, focus or click, for keyboard and mouse alike.
 * The text is also the button's accessible description, so screen readers announce it.
 */
export function InfoTip({ label, text }: { label: string; text: string }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  return (
    <span className="info-tip">
      <button
        type="button"
        className="info-tip-button"
        aria-label={`About ${label}`}
        aria-describedby={id}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false)
        }}
      >
        i
      </button>
      <span id={id} role="tooltip" className={open ? 'info-tip-text open' : 'info-tip-text'}>
        {text}
      </span>
    </span>
  )
}
