import { randomUUID } from 'node:crypto';
import type { Profile } from '../../../src/shared/profile';
import type { Emulator } from '../../emulator';
import { AEM_APP, CONTOSO } from '../../emulator/fixtures/ids';

/** A profile pointed at the emulator: custom authority, its CA as the extra trusted CA. */
export function emulatorProfile(emu: Emulator, over: Partial<Profile> = {}): Profile {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    name: 'test',
    targetId: 'aem',
    flow: 'delegated',
    cloud: 'custom',
    customAuthorityHost: emu.authorityHost,
    tenant: CONTOSO,
    clientId: AEM_APP,
    credential: { kind: 'secret' },
    redirectUri: 'http://localhost',
    scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
    mailbox: 'alice@contoso.com',
    fromAddress: 'alice@contoso.com',
    smtpHost: emu.smtp.host,
    smtpPort: emu.smtp.port,
    network: { proxyUrl: '', extraCaPem: emu.caPem, timeoutMs: 10_000 },
    tokenState: {},
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}
