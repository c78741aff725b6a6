import { Router } from 'wouter'
import { NoticeToasts } from '../components/notices/notice-toasts'
import { AppHeader } from './app-header'
import { useHashPath } from './hash-location'
import { useReaderLinkHints } from './reader-chunks'
import { AppRoutes } from './routes'
import './app-shell.css'

export function App() {
  useReaderLinkHints()
  return (
    <Router hook={useHashPath}>
      <AppHeader />
      <main className="app-main">
        <AppRoutes />
      </main>
      <NoticeToasts />
    </Router>
  )
}
