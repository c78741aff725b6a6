import { useLiveQuery } from 'dexie-react-hooks'
import { annotationFacets } from '../db/annotations'
import { db } from '../db/instance'

/** The labels and annotators found on stored spans, for filters; live. */
export function useAnnotationFacets(): { labels: string[]; annotators: string[] } | undefined {
  return useLiveQuery(() => annotationFacets(db), [])
}
