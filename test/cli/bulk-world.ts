// A tenant with many mailboxes for bulk checks (tests and `npm run bench`): the sample
// world plus generated mailboxes, each with a known expected diagnosis.
import { randomUUID } from 'node:crypto';
import type { Profile, ProfileDraft } from '../../src/shared/profile';
import { loadDefaultDirectory, type Directory, type Mailbox } from '../emulator/directory';
import type { Emulator } from '../emulator';
import { CONTOSO, DAEMON_APP, DAEMON_SP } from '../emulator/fixtures/ids';

export type MailboxKind = 'ok' | 'no-access' | 'smtp-disabled' | 'missing';

/** The diagnosis code each kind must get from an app-only check. */
export const expectedCode: Readonly<Record<MailboxKind, string | undefined>> = {
  ok: undefined,
  'no-access': 'SMTP_430_4.2.0',
  'smtp-disabled': 'SMTP_535_5.7.139_MAILBOX_DISABLED',
  missing: 'SMTP_535_5.7.3_APP_NOT_ALLOWED',
};

export interface BulkWorld {
  readonly directory: Directory;
  readonly mailboxes: readonly { readonly address: string; readonly kind: MailboxKind }[];
}

/** `n` mailboxes of contoso.com; `kindOf(i)` picks each one's set-up (default: all fine). */
export function bulkWorld(n: number, kindOf: (i: number) => MailboxKind = () => 'ok'): BulkWorld {
  const directory = loadDefaultDirectory();
  const contoso = directory.tenants.find((t) => t.id === CONTOSO);
  if (!contoso) throw new Error('sample world without Contoso');
  const mailboxes: { address: string; kind: MailboxKind }[] = [];
  for (let i = 0; i < n; i += 1) {
    const kind = kindOf(i);
    const address = `mbx${String(i).padStart(5, '0')}@contoso.com`;
    mailboxes.push({ address, kind });
    if (kind === 'missing') continue;
    const mailbox: Mailbox = {
      address,
      owner: null,
      smtpAuth: kind === 'smtp-disabled' ? 'disabled' : 'enabled',
      sendAs: [],
      fullAccessServicePrincipals: kind === 'no-access' ? [] : [DAEMON_SP],
    };
    contoso.mailboxes.push(mailbox);
  }
  return { directory, mailboxes };
}

/** Where the profile points: the emulator's, or any host and port for tests that never connect. */
export type EmulatorAddress = Pick<Emulator, 'authorityHost' | 'caPem'> & {
  readonly smtp: { readonly host: string; readonly port: number };
};

/** The Daemon Mailer (client secret, SMTP.SendAsApp) as an app-only profile against the emulator. */
export function daemonDraft(emu: EmulatorAddress, over: Partial<ProfileDraft> = {}): ProfileDraft {
  return {
    name: 'Daemon bulk',
    targetId: 'app-only',
    flow: 'app-only',
    cloud: 'custom',
    customAuthorityHost: emu.authorityHost,
    tenant: CONTOSO,
    clientId: DAEMON_APP,
    credential: { kind: 'secret' },
    redirectUri: '',
    scopes: ['https://outlook.office365.com/.default'],
    mailbox: 'noreply@contoso.com',
    fromAddress: 'noreply@contoso.com',
    smtpHost: emu.smtp.host,
    smtpPort: emu.smtp.port,
    network: { proxyUrl: '', extraCaPem: emu.caPem, timeoutMs: 15_000 },
    ...over,
  };
}

/** The same as a full profile, for core calls that take no store. */
export function daemonProfile(emu: EmulatorAddress, over: Partial<ProfileDraft> = {}): Profile {
  const at = new Date().toISOString();
  return { ...daemonDraft(emu, over), id: randomUUID(), tokenState: {}, createdAt: at, updatedAt: at };
}
