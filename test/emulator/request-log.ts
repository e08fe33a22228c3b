// Every IdP request, so tests can count round trips (e.g. "one token request, no discovery").
export interface RequestLogEntry {
  readonly method: string;
  /** Path without the query string (queries can hold codes). */
  readonly path: string;
  readonly grantType?: string;
  readonly status: number;
  /** Emulator clock time. */
  readonly at: number;
}

export class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }
}
