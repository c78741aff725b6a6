import { Router } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import { AppHeader } from './app-header'
import { AppRoutes } from './routes'

export function App() {
  return (
    <Router hook={useHashLocation}>
      <AppHeader />
      <main className="app-main">
        <AppRoutes />
      </main>
    </Router>
  )
}
