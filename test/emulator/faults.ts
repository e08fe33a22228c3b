// Fault switches for resilience tests: HTTP failures on the IdP and a dropped SMTP session.
export interface Faults {
  /** Answer IdP requests with HTTP 500 (JSON error body). */
  http500: boolean;
  /** Answer IdP requests with HTTP 503 (+ Retry-After when retryAfter is set). */
  http503: boolean;
  /** Answer IdP requests with HTTP 429 (+ Retry-After when retryAfter is set). */
  http429: boolean;
  /** Seconds for the Retry-After header of 429/503. */
  retryAfter: number | null;
  /** Delay every IdP response by this many milliseconds. */
  slowMs: number;
  /** Answer JSON endpoints with a truncated, unparsable body (status 200). */
  malformedJson: boolean;
  /** Destroy the SMTP connection when the client sends its AUTH credentials. */
  dropSmtpMidAuth: boolean;
  /**
   * Refuse a bad XOAUTH2 login the RFC 7628 way (Gmail, Dovecot): a 334 challenge carrying the
   * error as JSON first, then 535 after the client's empty line. Exchange answers 535 at once.
   */
  smtpXoauth2Challenge: boolean;
  /** Answer a refused login with `454 4.7.0 Temporary authentication failure` instead. */
  smtpTemporaryAuthFailure: boolean;
  /** Only IdP paths containing this text are affected (e.g. '/token'); null = all. */
  pathIncludes: string | null;
  /** Number of affected IdP requests before the HTTP faults clear themselves; null = until clear(). */
  count: number | null;
}

export const noFaults: Faults = {
  http500: false,
  http503: false,
  http429: false,
  retryAfter: null,
  slowMs: 0,
  malformedJson: false,
  dropSmtpMidAuth: false,
  smtpXoauth2Challenge: false,
  smtpTemporaryAuthFailure: false,
  pathIncludes: null,
  count: null,
};

export interface FaultSwitch {
  set(f: Partial<Faults>): void;
  clear(): void;
  current(): Faults;
  /** For one IdP request: the faults that apply (consumes `count`). */
  forRequest(path: string): Faults;
}

export function createFaults(): FaultSwitch {
  let faults: Faults = { ...noFaults };
  return {
    set: (f) => {
      faults = { ...faults, ...f };
    },
    clear: () => {
      faults = { ...noFaults };
    },
    current: () => faults,
    forRequest(path) {
      if (faults.pathIncludes !== null && !path.includes(faults.pathIncludes)) return noFaults;
      const applied = faults;
      const httpActive =
        applied.http500 || applied.http503 || applied.http429 || applied.malformedJson || applied.slowMs > 0;
      if (httpActive && applied.count !== null) {
        const left = applied.count - 1;
        faults =
          left <= 0
            ? {
                ...faults,
                http500: false,
                http503: false,
                http429: false,
                malformedJson: false,
                slowMs: 0,
                count: null,
              }
            : { ...faults, count: left };
      }
      return applied;
    },
  };
}
