import { problem } from '../../shared/problem';
import { ProblemError } from '../problem-error';

/**
 * How sign-in pages are shown. Core drives the flow; the Electron window, the system
 * browser and the test's Playwright page only show pages and report where they ended.
 */
export interface LoginWindowRequest {
  readonly url: string;
  /** Requests to this URI (any port for loopback) are intercepted, never sent to the network. */
  readonly redirectUri: string;
  readonly signal?: AbortSignal;
  readonly timeoutMs: number;
}

export interface LoginWindowPort {
  /**
   * Resolves with the full URL that hit the redirect URI. Rejects with `signInCancelled()`
   * when the user closes it, `signInTimedOut()` on timeout, and `LoginPageError` when the
   * identity provider shows its own error page (AADSTS50011 and friends are never redirected).
   */
  open(req: LoginWindowRequest): Promise<string>;
}

export interface SystemBrowserPort {
  /** Opens the URL in the user's default browser. */
  openExternal(url: string): Promise<void>;
}

/** The identity provider showed an error page instead of redirecting; `text` is the page's message. */
export class LoginPageError extends Error {
  readonly text: string;
  constructor(text: string) {
    super('The sign-in page showed an error');
    this.name = 'LoginPageError';
    this.text = text.slice(0, 1000);
  }
}

/** Finds the AADSTS message on an error page's visible text, if it is one. */
export function errorPageText(visibleText: string): string | undefined {
  const m = /AADSTS\d{4,8}:[^\n]*/.exec(visibleText);
  return m?.[0];
}

export const signInCancelled = (): ProblemError =>
  new ProblemError(
    problem({
      code: 'SIGN_IN_CANCELLED',
      title: 'Sign-in cancelled',
      explanation: 'The sign-in window was closed before the sign-in finished.',
      fixSteps: ['Start the sign-in again when ready.'],
      retryable: true,
    }),
  );

export const signInTimedOut = (minutes: number): ProblemError =>
  new ProblemError(
    problem({
      code: 'SIGN_IN_TIMEOUT',
      title: 'Sign-in took too long',
      explanation: `The sign-in did not finish within ${minutes} minutes, so it was stopped.`,
      fixSteps: [
        'Start the sign-in again.',
        'If the window shows a page that does not go on (for example a security key or passkey prompt), use “Sign in with the system browser”.',
      ],
      remedy: { kind: 'system-browser' },
      retryable: true,
    }),
  );
