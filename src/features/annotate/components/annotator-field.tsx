import { useAnnotator } from '../../../data/annotator'
import './annotator-field.css'

/** The annotator's name, recorded with every span; saved when the field loses focus. */
export function AnnotatorField() {
  const [annotator, setAnnotator] = useAnnotator()
  return (
    <label className="annotator-field">
      Annotator
      <input
        key={annotator}
        defaultValue={annotator}
        onBlur={(e) => {
          const name = e.target.value.trim()
          if (name && name !== annotator) setAnnotator(name)
          else e.target.value = annotator
        }}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        size={12}
      />
    </label>
  )
}
