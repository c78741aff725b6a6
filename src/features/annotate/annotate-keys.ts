/**
 * Every key of the annotate keyboard, in one list: the handler (use-annotate-keys.ts) reads
 * its bindings from here, and the `?` overlay and the README list the same entries.
 */
export interface Shortcut {
  keys: string[]
  does: string
}

export const MOVE_KEYS = {
  sentence: { next: 'j', previous: 'k', extendNext: 'J', extendPrevious: 'K' },
  step: { next: 'l', previous: 'h', extendNext: 'L', extendPrevious: 'H' },
  pivot: { next: ']', previous: '[' },
  backtrack: { next: '}', previous: '{' },
  span: { next: '.', previous: ',' },
} as const

/** Keys the annotate screen takes: a taxonomy's label shortcuts must not use them. */
export const RESERVED_KEYS = new Set([
  ...Object.values(MOVE_KEYS).flatMap((m) => Object.values(m) as string[]),
  'n',
  'p',
  '?',
  'r',
  'z',
  'u',
])

export const ANNOTATE_SHORTCUTS: Shortcut[] = [
  { keys: ['j', 'k'], does: 'Cursor to the next / previous sentence' },
  { keys: ['J', 'K'], does: 'Extend the selection by a sentence down / up (Shift)' },
  { keys: ['l', 'h'], does: 'Cursor to the next / previous step (paragraph)' },
  { keys: ['L', 'H'], does: 'Extend the selection by a step down / up (Shift)' },
  { keys: [']', '['], does: 'Cursor to the next / previous pivot' },
  { keys: ['}', '{'], does: 'Cursor to the next / previous backtrack' },
  { keys: ['.', ','], does: 'Next / previous span (selects it)' },
  {
    keys: ['1…9, 0'],
    does: "A label's key: label the selected text, or the cursor's sentence or selection",
  },
  { keys: ['Enter'], does: 'Select the span under the cursor' },
  { keys: ['Delete', 'Backspace'], does: 'Delete the selected span' },
  { keys: ['Escape'], does: 'Deselect the span, then clear the cursor' },
  { keys: ['n', 'p'], does: 'Next / previous trace (in the table’s order and filter)' },
  { keys: ['?'], does: 'Show or hide this list' },
]
