import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChunkedSecretStore } from '../../../src/core/secrets/chunked-secret-store';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { createProfileStore } from '../../../src/core/profiles/profile-store';
import type { SecretStore } from '../../../src/core/secrets/secret-store';
import { createHandlers } from '../../../src/main/handlers';
import { dispatch } from '../../../src/main/ipc/dispatch';
import type { ProfileDraft } from '../../../src/shared/profile';
import { createBrowserTestPorts } from '../../support/browser-ports';

const dir = mkdtempSync(join(tmpdir(), 'sow-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROXY_PASSWORD = 'Pr0xyPa55word';
const draft: ProfileDraft = {
  name: 'Contoso',
  targetId: 'aem',
  flow: 'delegated',
  cloud: 'global',
  customAuthorityHost: '',
  tenant: 'contoso.com',
  clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
  credential: { kind: 'none' },
  redirectUri: 'http://localhost',
  scopes: ['https://outlook.office365.com/SMTP.Send', 'offline_access'],
  mailbox: 'alice@contoso.com',
  fromAddress: 'alice@contoso.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  network: { proxyUrl: `http://bob:${PROXY_PASSWORD}@proxy.contoso.com:8080`, extraCaPem: '', timeoutMs: 30_000 },
};

async function report(secrets: SecretStore, file: string): Promise<string> {
  const profile = await createProfileStore({ file, secrets: new MemorySecretStore() }).create(draft);
  const handlers = createHandlers(createBrowserTestPorts({ secrets, profilesFile: file }));
  const r = await dispatch(
    handlers,
    'support:report',
    { profileId: profile.id },
    { signal: new AbortController().signal, progress: () => undefined },
  );
  if (!r.ok) throw new Error(`support:report failed: ${r.problem.code}`);
  return (r.value as { text: string }).text;
}

describe('support report', () => {
  it('shows the proxy without its password', async () => {
    const text = await report(new MemorySecretStore(), join(dir, 'proxy.json'));
    expect(text).toContain('"proxyUrl": "http://***@proxy.contoso.com:8080"');
    expect(text).not.toContain(PROXY_PASSWORD);
  });

  it('is still produced when the keychain cannot be read, and says so', async () => {
    const fail = () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
    const text = await report(
      new ChunkedSecretStore({ name: 'keytar:linux', get: fail, set: fail, delete: fail }),
      join(dir, 'no-keychain.json'),
    );
    expect(text).toMatch(/== Keychain ==\nNOT available \(keytar:linux\): The system keychain is not available/);
    expect(text).toContain('"mailbox": "alice@contoso.com"');
  });
});
