import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { cleanUpOnStart } from './start-up'
import './styles.css'

void cleanUpOnStart()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
