import { z } from 'zod';
import { aemExportSettingsSchema, type ExportOutput } from './export-output';
import type { Problem } from './problem';
import { problemSchema } from './problem-schema';
import { profileDraftSchema, profileSecretsInputSchema, type Profile } from './profile';
import type { ProfileFileHealth, ProfileFileRecovered } from './profile-file-health';
import type { TokenInspection } from './token-inspection';
import type { VerifyReport } from './verify-report';

/**
 * The one IPC contract: channel -> request schema -> response type. The preload's API,
 * the renderer's client and main's handler map are all derived from this object, so a
 * channel is declared exactly once. Requests are validated with these schemas in main
 * (the renderer is not trusted); responses are plain data typed here.
 */
function channel<Req extends z.ZodType>(request: Req) {
  return { returns: <Res>() => ({ request, response: undefined as unknown as Res }) };
}

const noInput = z.undefined();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  versions: z.record(z.string(), z.string()),
  keychain: z.discriminatedUnion('available', [
    z.object({ available: z.literal(true), backend: z.string() }),
    z.object({ available: z.literal(false), backend: z.string(), message: z.string() }),
  ]),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/**
 * The credential as the wizard sends it: a certificate's thumbprints and dates are read
 * by main from the file itself, so the window never has to say them.
 */
export const credentialChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('secret'), secretId: z.string().optional(), expiresOn: z.string().optional() }),
  z.object({ kind: z.literal('certificate') }),
]);
export type CredentialChoice = z.infer<typeof credentialChoiceSchema>;

export const profileSaveRequestSchema = z.object({
  /** Absent: create a new profile. */
  id: z.string().min(1).optional(),
  draft: profileDraftSchema.omit({ credential: true }).extend({ credential: credentialChoiceSchema }),
  /** Only what was typed or picked now; omitted secrets stay as stored. */
  secrets: profileSecretsInputSchema,
});
export type ProfileSaveRequest = z.input<typeof profileSaveRequestSchema>;

/** A profile plus which secrets the keychain holds for it (never their values). */
export interface ProfileView {
  readonly profile: Profile;
  readonly stored: { readonly clientSecret: boolean; readonly certificate: boolean; readonly refreshToken: boolean };
}

const profileId = z.object({ id: z.string().min(1) });

/** Identifies one long operation so the window can cancel it (`operation:cancel`). */
const operationId = z.string().min(1).max(100);

export const acquireRequestSchema = z.object({
  profileId: z.string().min(1),
  /**
   * Delegated: the app's sign-in window, the system browser, or (public clients) a device
   * code the mailbox owner enters on their own device; app-only: client credentials.
   */
  method: z.enum(['embedded', 'system-browser', 'device-code', 'app-only']),
  operationId,
});

/** A sign-in or app-only token: what it says, never the token itself (that stays in main). */
export interface TokenResult {
  readonly profile: Profile;
  readonly inspection: TokenInspection;
  readonly account?: string;
  readonly expiresOn?: string;
  readonly refreshTokenStored: boolean;
  /** Things to tell the user although the sign-in worked (e.g. a refresh token too long for the target). */
  readonly notices?: readonly Problem[];
}

export const verifyRequestSchema = z.object({
  profileId: z.string().min(1),
  /** Present: also send a test mail to this address. */
  sendTo: z.email().optional(),
  operationId,
});

/** A fresh token obtained the way the target will, then the SMTP check with it. */
export interface VerifyResult {
  readonly profile: Profile;
  readonly inspection: TokenInspection;
  readonly report: VerifyReport;
}

export const exportRequestSchema = z.object({
  profileId: z.string().min(1),
  /** The user's explicit choice to put secret values into the outputs. */
  includeSecrets: z.boolean(),
  /** AEM profiles: Cloud Service (egress proxy, the default) or a direct connection. */
  aem: aemExportSettingsSchema.optional(),
});

export type SavedExport =
  | { readonly cancelled: true }
  | { readonly cancelled: false; readonly directory: string; readonly files: readonly string[] };

/** What the window shows when the user asks for a support report: already redacted data. */
export const supportReportRequestSchema = z.object({
  profileId: z.string().min(1).optional(),
  problem: problemSchema.optional(),
  transcript: z.array(z.string().max(10_000)).max(2_000).optional(),
});

/** A certificate file picked in the Details step; `content` is PEM text or PFX base64. */
export type PickedCertificateFile =
  | { readonly cancelled: true }
  | { readonly cancelled: false; readonly fileName: string; readonly source: 'pem' | 'pfx'; readonly content: string };

export const ipcContract = {
  /** App name, versions and whether the keychain can be used: the first thing the wizard shows. */
  'app:info': channel(noInput).returns<AppInfo>(),
  /** Copies text (a command, an export, the support report) to the OS clipboard. */
  'clipboard:write': channel(z.object({ text: z.string().max(1_000_000) })).returns<{ readonly copied: true }>(),
  /** Every saved profile (non-secret fields and token state), in creation order. */
  'profiles:list': channel(noInput).returns<readonly Profile[]>(),
  'profiles:get': channel(profileId).returns<ProfileView>(),
  /** Creates or updates a profile; secrets go to the keychain. Validated again in main. */
  'profiles:save': channel(profileSaveRequestSchema).returns<ProfileView>(),
  /** A copy with the same app credentials and no tokens. */
  'profiles:duplicate': channel(profileId).returns<Profile>(),
  /** Deletes the profile and every keychain entry it had. */
  'profiles:delete': channel(profileId).returns<{ readonly deleted: true }>(),
  /** Whether the profile file is readable, damaged (and has a last good copy) or from a newer version. */
  'profiles:file-health': channel(noInput).returns<ProfileFileHealth>(),
  /** Replaces a damaged profile file by its last good copy or an empty list; the damaged file is kept aside. */
  'profiles:recover': channel(
    z.object({ action: z.enum(['restore-backup', 'start-fresh']) }),
  ).returns<ProfileFileRecovered>(),
  /** Delegated sign-in (progress events; cancel with operation:cancel) or an app-only token. */
  'token:acquire': channel(acquireRequestSchema).returns<TokenResult>(),
  /** Redeems the stored refresh token (or gets an app-only token), logs in to SMTP, optionally sends a test mail. */
  'token:verify': channel(verifyRequestSchema).returns<VerifyResult>(),
  /** The target's outputs for a saved profile; secret values only with `includeSecrets`. */
  'export:list': channel(exportRequestSchema).returns<readonly ExportOutput[]>(),
  /** Asks for a folder and saves every output there (secret-holding files owner-only). */
  'export:save': channel(exportRequestSchema).returns<SavedExport>(),
  /** A redacted bundle for a helpdesk: profile without secrets, claims, transcript, diagnosis, versions. */
  'support:report': channel(supportReportRequestSchema).returns<{ readonly text: string }>(),
  /** Stops a running sign-in or verification started with this id. */
  'operation:cancel': channel(z.object({ operationId })).returns<{ readonly cancelled: boolean }>(),
  /** Shows the OS file dialog for a certificate (PEM with its key, or PFX) and reads the file. */
  'certificate:pick': channel(noInput).returns<PickedCertificateFile>(),
  /** Opens an https page (Entra admin center, admin-consent link) in the OS browser. */
  'external:open': channel(z.object({ url: z.url({ protocol: /^https$/ }) })).returns<{ readonly opened: true }>(),
} as const;

export type IpcContract = typeof ipcContract;
export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = z.input<IpcContract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<IpcContract[C]['request']>;
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];

export const channels = Object.keys(ipcContract) as readonly Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ipcContract, name);
}

/** Events main pushes to the renderer (progress of long work). */
export const progressEventSchema = z.object({
  operationId: z.string(),
  stage: z.string(),
  message: z.string(),
  /** 0..1 when known. */
  fraction: z.number().min(0).max(1).optional(),
  /** Device code sign-in (stage `device-code`): the code to enter and the page to enter it on. */
  userCode: z.string().max(100).optional(),
  verificationUri: z.string().max(2_000).optional(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;
export const PROGRESS_EVENT = 'event:progress';
