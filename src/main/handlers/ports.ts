import type { Scheduler } from '../../core/exchange-admin/propagation-wait';
import type { LoginWindowPort } from '../../core/oauth/login-ports';
import type { DraftStore } from '../../core/profiles/draft-store';
import type { ProfileStore } from '../../core/profiles/profile-store';
import type { SecretStore } from '../../core/secrets/secret-store';
import type { SettingsStore } from '../../core/settings/settings-store';

/** What an open or save dialog shows: its title and the kinds of file it offers. */
export interface FileDialogOptions {
  readonly title: string;
  readonly filters: readonly { readonly name: string; readonly extensions: readonly string[] }[];
}

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
  /** The profiles file plus the same keychain as `secrets`. */
  readonly profiles: ProfileStore;
  /** Unfinished new set-ups: a file beside the profiles, their secrets in `secrets`. */
  readonly drafts: DraftStore;
  /** settings.json beside the profiles: defaults for new set-ups, the admins' sign-in app. */
  readonly settings: SettingsStore;
  /** The embedded sign-in window (Electron) or a Playwright page on the emulator (tests). */
  readonly loginWindow: LoginWindowPort;
  /** Milliseconds since the epoch for token dates and expiry checks; tests pass the emulator's clock. */
  readonly now?: () => number;
  /** How the Exchange re-check waits; tests move the emulator's clock instead of sleeping. */
  readonly exchangeScheduler?: Scheduler;
  /** The OS clipboard (the sandboxed window is denied clipboard access of its own). */
  readonly clipboard: { writeText(text: string): Promise<void> };
  /** The OS browser, for https pages only (the contract refuses anything else). */
  readonly openExternal: (url: string) => Promise<void>;
  readonly dialogs: {
    /** The OS open dialog for a certificate file; undefined when the user cancels. */
    openCertificateFile(): Promise<{ readonly fileName: string; readonly bytes: Uint8Array } | undefined>;
    /** The OS folder dialog for saving exports; undefined when the user cancels. */
    chooseExportFolder(): Promise<string | undefined>;
    /** The OS open dialog for one file (a profile bundle, a mailbox list); undefined when the user cancels. */
    openFile(
      options: FileDialogOptions,
    ): Promise<{ readonly fileName: string; readonly bytes: Uint8Array } | undefined>;
    /** The OS save dialog; the chosen path, or undefined when the user cancels. */
    chooseSaveFile(options: FileDialogOptions & { readonly defaultName: string }): Promise<string | undefined>;
  };
}
