import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChunkedSecretStore } from '../../../src/core/secrets/chunked-secret-store';
import type { CredentialBackend } from '../../../src/core/secrets/credential-backend';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { createProfileStore } from '../../../src/core/profiles/profile-store';
import { createHandlers } from '../../../src/main/handlers';
import { dispatch } from '../../../src/main/ipc/dispatch';
import type { ProfileSaveRequest } from '../../../src/shared/ipc-contract';
import type { ProfileDraft } from '../../../src/shared/profile';
import { createBrowserTestPorts } from '../../support/browser-ports';

const dir = mkdtempSync(join(tmpdir(), 'sow-dispatch-keychain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What libsecret answers on a machine with no Secret Service running. */
const noSecretService: CredentialBackend = {
  name: 'keytar:linux',
  get: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  set: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  delete: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
};

const draft: ProfileDraft & ProfileSaveRequest['draft'] = {
  name: 'Contoso',
  targetId: 'aem',
  flow: 'delegated',
  cloud: 'global',
  customAuthorityHost: '',
  tenant: 'contoso.com',
  clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
  credential: { kind: 'secret' },
  redirectUri: 'http://localhost',
  scopes: ['https://outlook.office365.com/SMTP.Send', 'offline_access'],
  mailbox: 'alice@contoso.com',
  fromAddress: 'alice@contoso.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  network: { proxyUrl: '', extraCaPem: '', timeoutMs: 30_000 },
};

describe('the window on a machine without a keychain', () => {
  it('starts, lists profiles, and explains a keychain failure with its typed code instead of "unexpected"', async () => {
    const profilesFile = join(dir, 'profiles.json');
    // A profile saved earlier, when the keychain still worked.
    const earlier = await createProfileStore({ file: profilesFile, secrets: new MemorySecretStore() }).create(draft, {
      clientSecret: 'Xy8Q~a-real-looking-secret-value-0001',
    });

    const handlers = createHandlers(
      createBrowserTestPorts({ secrets: new ChunkedSecretStore(noSecretService), profilesFile }),
    );
    const call = (channel: string, request: unknown) =>
      dispatch(handlers, channel, request, { signal: new AbortController().signal, progress: () => undefined });

    const info = await call('app:info', undefined);
    expect(info.ok ? info.value : info.problem).toMatchObject({
      keychain: { available: false, message: expect.stringMatching(/keychain is not available/) },
    });
    const list = await call('profiles:list', undefined);
    expect(list.ok ? (list.value as unknown[]).length : list.problem).toBe(1);

    for (const r of [
      await call('profiles:get', { id: earlier.id }),
      await call('profiles:save', { draft, secrets: { clientSecret: 'Xy8Q~another-secret-value-00000002' } }),
    ]) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.problem).toMatchObject({
        code: 'KEYCHAIN_UNAVAILABLE',
        title: 'The system keychain is not available',
        retryable: true,
      });
      expect(r.problem.explanation).toMatch(/Secret Service|Keychain Access|Credential Manager/);
    }
  });

  it('saves a public-client profile (no secret to store) once, without reporting the unreadable keychain as a failed save', async () => {
    const profilesFile = join(dir, 'public.json');
    const handlers = createHandlers(
      createBrowserTestPorts({ secrets: new ChunkedSecretStore(noSecretService), profilesFile }),
    );
    const call = (channel: string, request: unknown) =>
      dispatch(handlers, channel, request, { signal: new AbortController().signal, progress: () => undefined });
    const saved = await call('profiles:save', { draft: { ...draft, credential: { kind: 'none' } }, secrets: {} });
    expect(saved.ok ? saved.value : saved.problem).toMatchObject({
      profile: { name: 'Contoso', credential: { kind: 'none' } },
      stored: { clientSecret: false, refreshToken: false },
    });
    const list = await call('profiles:list', undefined);
    expect(list.ok ? (list.value as unknown[]).length : list.problem).toBe(1);
  });
});
