import type { SecretStore } from '../../core/secrets/secret-store';

/**
 * Everything the handlers need from the outside world. Electron supplies real
 * implementations (src/main/electron); the browser-test harness supplies its own
 * (test/support), so one handler map serves both.
 */
export interface HandlerPorts {
  readonly app: {
    readonly name: string;
    readonly version: string;
    readonly platform: string;
    /** Runtime versions for the About box and support reports (electron, chrome, node). */
    readonly versions: Readonly<Record<string, string>>;
  };
  readonly secrets: SecretStore;
  /** The OS clipboard (the sandboxed window is denied clipboard access of its own). */
  readonly clipboard: { writeText(text: string): Promise<void> };
}
