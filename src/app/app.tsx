import { Router } from 'wouter'
import { NoticeToasts } from '../components/notices/notice-toasts'
import { AppHeader } from './app-header'
import { useHashPath } from './hash-location'
import { AppRoutes } from './routes'
import './app-shell.css'

export function App() {
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
