/**
 * Every key of the annotate keyboard, in one list: the handler (use-annotate-keys.ts) reads
 * its bindings from here, and the `?` overlay and the README list the same entries.
 * The keys a label may not take are lib/annotate/taxonomy-edit.ts RESERVED_KEYS (tested equal).
 */
import type { TraceStatus } from '../../lib/traces/trace-model'

export interface Shortcut {
  keys: string[]
  does: string
}

export const MOVE_KEYS = {
  sentence: { next: 'j', previous: 'k', extendNext: 'J', extendPrevious: 'K' },
  step: { next: 'l', previous: 'h', extendNext: 'L', extendPrevious: 'H' },
  pivot: { next: ']', previous: '[' },
  backtrack: { next: '}', previous: '{' },
  suggestion: { next: 's', previous: 'S' },
  span: { next: '.', previous: ',' },
} as const

/** Trace status by key. */
export const STATUS_KEYS: Record<string, TraceStatus> = {
  o: 'todo',
  i: 'in-progress',
  d: 'done',
}

/** The relations between two spans, picked by their number after `c … c`. */
export const RELATION_LABELS = ['abandons', 'depends-on', 'verifies'] as const

export const ANNOTATE_SHORTCUTS: Shortcut[] = [
  { keys: ['j', 'k'], does: 'Cursor to the next / previous sentence' },
  { keys: ['J', 'K'], does: 'Extend the selection by a sentence down / up (Shift)' },
  { keys: ['l', 'h'], does: 'Cursor to the next / previous step (paragraph)' },
  { keys: ['L', 'H'], does: 'Extend the selection by a step down / up (Shift)' },
  { keys: [']', '['], does: 'Cursor to the next / previous pivot' },
  { keys: ['}', '{'], does: 'Cursor to the next / previous backtrack' },
  { keys: ['s', 'S'], does: 'Cursor to the next / previous suggestion' },
  { keys: ['.', ','], does: 'Next / previous span (selects it)' },
  {
    keys: ['1…9, 0'],
    does: "A label's key: label the selected text, or the cursor's sentence or selection",
  },
  { keys: ['a', 'x'], does: 'Accept / reject the suggestion under the cursor' },
  { keys: ['A', 'X'], does: 'Accept / reject every suggestion of that label in the trace' },
  { keys: ['Enter'], does: 'Select the span under the cursor' },
  { keys: ['r'], does: 'Relabel the selected span: r, then the new label’s key' },
  { keys: ['e'], does: 'Write the note of the selected span' },
  {
    keys: ['c'],
    does: 'Relation: c on a span, c on another, then 1 abandons · 2 depends-on · 3 verifies',
  },
  { keys: ['v', 'V'], does: 'Next / previous relation in the list (selects it)' },
  { keys: ['Delete', 'Backspace'], does: 'Delete the selected relation, else the selected span' },
  {
    keys: ['Escape'],
    does: 'Cancel a waiting key, deselect the relation or span, then clear the cursor',
  },
  { keys: ['d', 'i', 'o'], does: 'Trace status: done / in progress / to do' },
  { keys: ['t'], does: 'Tag the trace: t, then the trace label’s number (again removes it)' },
  { keys: ['m'], does: 'Write the trace’s note' },
  { keys: ['z', 'Ctrl+Z'], does: 'Undo (every annotation action, also after a reload)' },
  { keys: ['Z', 'Ctrl+Shift+Z', 'Ctrl+Y'], does: 'Redo' },
  { keys: ['u'], does: 'Next unfinished trace (not done, in the table’s order and filter)' },
  { keys: ['n', 'p'], does: 'Next / previous trace (in the table’s order and filter)' },
  { keys: ['?'], does: 'Show or hide this list' },
]
