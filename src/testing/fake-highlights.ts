/**
 * The CSS Custom Highlight API for component tests (happy-dom has none): a registry of named
 * sets of ranges. Install it before importing the components (they read support at load).
 */
import { vi } from 'vitest'

export class FakeHighlight extends Set<Range> {
  priority = 0
  constructor(...ranges: Range[]) {
    super(ranges)
  }
}

export function installFakeHighlights(): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>()
  vi.stubGlobal('Highlight', FakeHighlight)
  // happy-dom's CSS is made anew on each read: replaced whole, with what the components use.
  vi.stubGlobal('CSS', { highlights: registry, escape: (s: string) => s, supports: () => true })
  return registry
}

/** The text of each range of a highlight, sorted. */
export const highlighted = (registry: Map<string, FakeHighlight>, name: string): string[] =>
  [...(registry.get(name) ?? [])].map((r) => r.toString()).sort()
