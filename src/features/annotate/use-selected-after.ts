import { useTransitionSnapshot } from '../../components/schedule/use-transition-snapshot'
import { useUiStore } from '../../stores/ui-store'

const subscribe = (listener: () => void) => useUiStore.subscribe(listener)
const selectedSpan = () => useUiStore.getState().selectedAnnotationId

/**
 * The selected span's id for the side panels, which read the spans a moment after the text
 * (useTraceSpansAfter): the selection follows with them, so a span just made is selected in the
 * same render that lists it, and selecting costs the key's frame only the text's redraw.
 */
export function useSelectedSpanAfter(): string | null {
  return useTransitionSnapshot(subscribe, selectedSpan)
}
