import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** The screen's name, in the message ("The reader failed"). */
  screen: string
  /** When this changes (the address), a shown error is cleared and the screen tried again. */
  resetKey: string
  children: ReactNode
}

interface State {
  error: Error | null
}

/**
 * Catches a screen's render errors, so that one broken screen does not blank the app: it says
 * what failed and offers a way back (to the datasets, or the same screen again). The app's
 * header stays, since the boundary wraps only the screen. Navigating resets it.
 */
export class ScreenBoundary extends Component<Props, State> {
  state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  componentDidUpdate(previous: Props) {
    if (this.state.error !== null && previous.resetKey !== this.props.resetKey) {
      this.setState({ error: null })
    }
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`${this.props.screen} failed`, error, info.componentStack)
  }

  render() {
    const { error } = this.state
    if (error === null) return this.props.children
    return (
      <section className="page" role="alert" data-testid="screen-error">
        <h1>{this.props.screen} failed</h1>
        <p>
          Something went wrong while showing this screen: <code>{error.message}</code>. Your data is
          stored in the browser and was not changed by this.
        </p>
        <p>
          <a href="#/">Back to the datasets</a>{' '}
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </p>
      </section>
    )
  }
}
