import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './base.css'
import { App } from './app'
import { cleanUpOnStart, resumeOnStart } from './start-up'

void cleanUpOnStart()
void resumeOnStart()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
