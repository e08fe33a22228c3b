import type { Flow, TargetId } from './profile';

/**
 * The shape of what each target system needs from the Entra app registration and
 * Exchange, as data the wizard renders (checklist, presets) and the exporters reuse.
 * Each target's own values live in src/core/targets/<target>/preset.ts.
 */

export interface PermissionToAdd {
  /** The API as the portal's "Request API permissions" pane names it. */
  readonly api: 'Microsoft Graph' | 'Office 365 Exchange Online';
  /** The tab of that pane where the API is listed. */
  readonly apiTab: 'Microsoft APIs' | 'APIs my organization uses';
  readonly type: 'Delegated' | 'Application';
  readonly permission: string;
  /** Whether an admin must press "Grant admin consent" for it to work. */
  readonly adminConsentRequired: boolean;
}

export interface RedirectSetup {
  /** Authentication > Add a platform > this platform; `none` for app-only. */
  readonly platform: 'Web' | 'none';
  /** Every URI to add, exactly as written (the order they are listed in the guide). */
  readonly uris: readonly string[];
  /** The URI the wizard signs in with by default. */
  readonly defaultRedirectUri: string;
  readonly note: string;
}

export interface ChecklistStep {
  readonly title: string;
  readonly detail: string;
}

export interface TargetPreset {
  readonly id: TargetId;
  readonly label: string;
  readonly summary: string;
  readonly flow: Flow;
  readonly defaultScopes: readonly string[];
  readonly permissions: readonly PermissionToAdd[];
  readonly redirect: RedirectSetup;
  readonly credential: 'client-secret' | 'client-secret-or-certificate';
  readonly smtp: { readonly host: string; readonly port: number };
  /** Exchange Online steps; `<mailbox>` stands for the sending mailbox. */
  readonly exchangeAdminSteps: readonly ChecklistStep[];
  /** Entra admin center steps, in order. */
  readonly checklist: readonly ChecklistStep[];
}
