import { z } from 'zod';
import { draftSaveRequestSchema, type DraftSaved, type DraftSummary, type DraftView } from './draft';
import {
  bulkProgressSchema,
  bulkReportRequestSchema,
  bulkRunRequestSchema,
  type BulkRunSummary,
  type OpenedList,
} from './bulk-check';
import type { ExchangePlan, PlanRun } from './exchange-plan';
import { aemExportSettingsSchema, type ExportOutput } from './export-output';
import { isPlausibleMailbox } from './mailbox-address';
import type { Problem } from './problem';
import { problemSchema } from './problem-schema';
import { cloudIdSchema, profileDraftSchema, profileSecretsInputSchema, targetIdSchema, type Profile } from './profile';
import type { ProfileFileHealth, ProfileFileRecovered } from './profile-file-health';
import { registrationOptionsSchema } from './registration';
import { settingsSchema, type Settings } from './settings';
import type { TokenInspection } from './token-inspection';
import {
  profilesExportRequestSchema,
  profilesImportRequestSchema,
  type ImportOutcome,
  type OpenedBundle,
  type SavedFile,
} from './transfer-contract';
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
  // The registration record is written by main only (what was created in Entra), never by the window.
  draft: profileDraftSchema
    .omit({ credential: true, registration: true })
    .extend({ credential: credentialChoiceSchema }),
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
  /**
   * App-only profiles: check this mailbox instead of the profile's, once. Nothing is
   * recorded on the profile (neither the mailbox nor the result): a helpdesk check of a
   * mailbox that has no profile of its own.
   */
  mailbox: z.email().max(320).optional(),
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

export type SavedReminder =
  { readonly cancelled: true } | { readonly cancelled: false; readonly file: string; readonly renewBy: string };

export type SavedExport =
  | { readonly cancelled: true }
  | {
      readonly cancelled: false;
      readonly directory: string;
      readonly files: readonly string[];
      /** Titles of the lists of secret values not saved because their values were withheld. */
      readonly notSaved: readonly string[];
    };

/**
 * What the admin asks the app to do in Exchange Online (issue 15): Fix it on the diagnosis with this
 * code, give the app-only app access to its mailbox, or switch SMTP AUTH on for a delegated mailbox.
 * Main builds the cmdlets itself from the profile and its current diagnosis; the window never sends any.
 */
export const exchangeActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fix'), code: z.string().min(1).max(200) }),
  z.object({
    kind: z.literal('give-access'),
    /** App RBAC: the app may send as any member of this mail-enabled group; absent: Full Access to the mailbox. */
    group: z
      .string()
      .trim()
      .refine(isPlausibleMailbox, 'Group: enter the mail-enabled group’s address, such as smtp-senders@contoso.com.')
      .optional(),
  }),
  z.object({ kind: z.literal('smtp-auth') }),
]);
export type ExchangeAction = z.infer<typeof exchangeActionSchema>;

export const exchangePlanRequestSchema = z.object({
  profileId: z.string().min(1),
  action: exchangeActionSchema,
  operationId,
});

/** The plan shown before anything runs; `problem` when the reads failed (its fix is the PowerShell). */
export interface ExchangePlanView {
  readonly planId: string;
  readonly plan: ExchangePlan;
  readonly problem?: Problem;
  /** The Exchange admin already signed in for this profile, if any. */
  readonly adminUpn?: string;
  /** Why the admin was asked to sign in again for Exchange although "Create it for me" had a sign-in. */
  readonly secondSignIn?: string;
}

export const exchangeApplyRequestSchema = z.object({ planId: z.string().min(1).max(100), operationId });

/** What the run did, then how the SMTP re-check ended (none when a step failed). */
export interface ExchangeApplied {
  readonly profile: Profile;
  readonly run: PlanRun;
  /** The Exchange admin the steps ran as. */
  readonly adminUpn?: string;
  readonly wait?:
    | { readonly ok: true; readonly attempts: number; readonly elapsedMs: number }
    | { readonly ok: false; readonly attempts: number; readonly elapsedMs: number; readonly problem: Problem };
}

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

/** What the picked certificate opens to: public facts only. */
export interface CertificateCheck {
  readonly subject: string;
  readonly notAfter: string;
  readonly thumbprintSha1: string;
}

export const certificateCheckRequestSchema = z.object({
  source: z.enum(['pem', 'pfx']),
  content: z.string().max(200_000),
  password: z.string().max(10_000).optional(),
});

/** "Create it for me", before anything is created: the profile with its plan (issue 13). */
export const registrationStartRequestSchema = z.object({
  /** Change the choices of a set-up started earlier (e.g. a certificate after secrets were refused). */
  profileId: z.string().min(1).optional(),
  name: z.string().max(200),
  targetId: targetIdSchema,
  mailbox: z.string().max(254),
  cloud: cloudIdSchema,
  customAuthorityHost: z.string().max(256).default(''),
  extraCaPem: z.string().max(100_000).default(''),
  smtpHost: z.string().max(256).default(''),
  smtpPort: z.number().int().min(1).max(65535).optional(),
  options: registrationOptionsSchema,
});

export const registrationRunRequestSchema = z.object({
  profileId: z.string().min(1),
  /** How the administrator signs in (reused while the app runs, unless `newSignIn`). */
  method: z.enum(['embedded', 'system-browser', 'device-code']),
  /** Sign in again, perhaps as another administrator (after a missing role). */
  newSignIn: z.boolean().default(false),
  operationId,
});

/** The set-up as created, plus the Exchange commands still to run (app-only), filled in. */
export interface RegistrationOutcome {
  readonly view: ProfileView;
  readonly exchangeCommands: readonly string[];
}

export interface RegistrationRemoved {
  readonly appName: string;
  readonly clientId: string;
  readonly deleted: readonly ('application' | 'servicePrincipal')[];
}

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
  /** Unfinished new set-ups (nothing typed is lost on Close or a crash); secrets stay in the keychain. */
  'drafts:list': channel(noInput).returns<readonly DraftSummary[]>(),
  'drafts:get': channel(profileId).returns<DraftView>(),
  /** Creates or replaces a draft as the user types. */
  'drafts:save': channel(draftSaveRequestSchema).returns<DraftSaved>(),
  /** Removes a draft and its keychain entries (finished or discarded). */
  'drafts:delete': channel(profileId).returns<{ readonly deleted: true }>(),
  /** Asks where to save, then writes the chosen profiles as one bundle (secrets only sealed with the passphrase). */
  'profiles:export': channel(profilesExportRequestSchema).returns<SavedFile>(),
  /** Asks for a bundle file, reads it and plans the import (new / already here / same name); writes nothing. */
  'profiles:import-open': channel(noInput).returns<OpenedBundle>(),
  /** Imports the opened bundle with the user's choice per profile; never replaces what was not chosen. */
  'profiles:import': channel(profilesImportRequestSchema).returns<ImportOutcome>(),
  /** Delegated sign-in (progress events; cancel with operation:cancel) or an app-only token. */
  'token:acquire': channel(acquireRequestSchema).returns<TokenResult>(),
  /** Redeems the stored refresh token (or gets an app-only token), logs in to SMTP, optionally sends a test mail. */
  'token:verify': channel(verifyRequestSchema).returns<VerifyResult>(),
  /** The target's outputs for a saved profile; secret values only with `includeSecrets`. */
  'export:list': channel(exportRequestSchema).returns<readonly ExportOutput[]>(),
  /** Asks for a folder and saves every output there (secret-holding files owner-only). */
  'export:save': channel(exportRequestSchema).returns<SavedExport>(),
  /** Reads a secret the target needs from the keychain now and puts it on the clipboard (never in the window). */
  'export:copy-secret': channel(
    z.object({ profileId: z.string().min(1), secret: z.enum(['clientSecret', 'refreshToken']) }),
  ).returns<{ readonly copied: true }>(),
  /** Saves a calendar reminder (.ics) to renew the refresh token before it stops working. */
  'export:save-reminder': channel(z.object({ profileId: z.string().min(1) })).returns<SavedReminder>(),
  /** Plans an Exchange change (signing the admin in when the plan needs Exchange's current state). */
  'exchange:plan': channel(exchangePlanRequestSchema).returns<ExchangePlanView>(),
  /** Runs a plan the window showed, then re-checks SMTP until it accepts or the propagation bound passes. */
  'exchange:apply': channel(exchangeApplyRequestSchema).returns<ExchangeApplied>(),
  /** A redacted bundle for a helpdesk: profile without secrets, claims, transcript, diagnosis, versions. */
  'support:report': channel(supportReportRequestSchema).returns<{ readonly text: string }>(),
  /** Stops a running sign-in or verification started with this id. */
  'operation:cancel': channel(z.object({ operationId })).returns<{ readonly cancelled: boolean }>(),
  /** Shows the OS file dialog for a certificate (PEM with its key, or PFX) and reads the file. */
  'certificate:pick': channel(noInput).returns<PickedCertificateFile>(),
  /** Opens a picked certificate (a PFX with its password) as the save will, and says what it holds or why not. */
  'certificate:check': channel(certificateCheckRequestSchema).returns<CertificateCheck>(),
  /** Shows the OS open dialog for a mailbox list (CSV or text) and reads it. */
  'bulk:open-list': channel(noInput).returns<OpenedList>(),
  /** Checks every mailbox of the list with an app-only profile; one progress event per row; cancel with operation:cancel. */
  'bulk:run': channel(bulkRunRequestSchema).returns<BulkRunSummary>(),
  /** Asks where to save, then writes the rows as a CSV report (cells a spreadsheet would run are neutralised). */
  'bulk:save-report': channel(bulkReportRequestSchema).returns<SavedFile>(),
  /** Opens an https page (Entra admin center, admin-consent link) in the OS browser. */
  'external:open': channel(z.object({ url: z.url({ protocol: /^https$/ }) })).returns<{ readonly opened: true }>(),
  /** App-wide settings: defaults for new set-ups, the administrators' sign-in app. */
  'settings:get': channel(noInput).returns<Settings>(),
  'settings:save': channel(settingsSchema).returns<Settings>(),
  /** Creates (or adjusts) the profile of a "Create it for me" set-up; nothing is created in Entra yet. */
  'registration:start': channel(registrationStartRequestSchema).returns<ProfileView>(),
  /** Signs the administrator in (memory only) and creates or continues the app registration (progress events). */
  'registration:run': channel(registrationRunRequestSchema).returns<RegistrationOutcome>(),
  /** Deletes what "Create it for me" made for the profile, then the profile. */
  'registration:remove': channel(registrationRunRequestSchema.omit({ newSignIn: true })).returns<RegistrationRemoved>(),
  /** The set-up was closed or finished: the administrator's sign-in kept for it is forgotten. */
  'registration:end': channel(z.object({ profileId: z.string().min(1) })).returns<{ readonly ended: boolean }>(),
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
  /** A bulk run (stage `bulk`): the counts, and the row that just finished. */
  bulk: bulkProgressSchema.optional(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;
export const PROGRESS_EVENT = 'event:progress';
