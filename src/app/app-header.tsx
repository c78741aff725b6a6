import { Link } from 'wouter'
import { AnnotatorField } from '../features/annotate/components/annotator-field'
import { ThemeSetting } from './theme-setting'

export function AppHeader() {
  return (
    <header className="app-header">
      <Link href="/" className="brand" aria-label="Tracemark home">
        <img src="./favicon.svg" alt="" width={20} height={20} />
        Tracemark
      </Link>
      <nav aria-label="Main">
        <Link href="/">Datasets</Link>
        <Link href="/traces">Traces</Link>
        <Link href="/stats">Stats</Link>
        <Link href="/lexicons">Lexicons</Link>
        <Link href="/taxonomies">Taxonomies</Link>
      </nav>
      <div className="spacer" />
      <ThemeSetting />
      <AnnotatorField />
    </header>
  )
}
