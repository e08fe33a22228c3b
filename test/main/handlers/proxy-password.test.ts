import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/handlers';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import type { ProfileView, VerifyResult } from '../../../src/shared/ipc-contract';
import { AEM_APP, AEM_SECRET, CONTOSO, DAEMON_APP, DAEMON_SECRET, USERS } from '../../emulator/fixtures/ids';
import { delegatedTokens } from '../../emulator/test-helpers';
import { createBrowserTestPorts } from '../../support/browser-ports';
import { startProxy } from '../../support/connect-proxy';
import { useEmulatorWorld } from '../../support/emulator-world';

const SCOPE = 'https://outlook.office.com/SMTP.Send offline_access';
/** `:` and an unescaped `@` in the password: both survive the round trip through the keychain. */
const PASSWORD = 'pa55:w@rd';
const { emu, keychain: kc, dir } = useEmulatorWorld('proxy-handlers');
let proxy: Awaited<ReturnType<typeof startProxy>>;

beforeAll(async () => {
  proxy = await startProxy({ requireAuth: `bob:${PASSWORD}` });
});
afterAll(async () => {
  await proxy?.close();
});

function setup() {
  const profilesFile = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  const ports = createBrowserTestPorts({ secrets: kc.store, profilesFile, now: () => emu.clock.now() });
  const handlers = createHandlers(ports);
  const call = (channel: string, request: unknown) =>
    dispatch(handlers, channel, request, { signal: new AbortController().signal, progress: () => undefined });
  return { call, profilesFile };
}

const withUser = (user: string, password?: string) =>
  proxy.url.replace('http://', `http://${user}${password ? `:${password}` : ''}@`);

const draft = (over: Record<string, unknown>) => ({
  name: 'Behind the proxy',
  targetId: 'aem',
  flow: 'delegated',
  cloud: 'custom',
  customAuthorityHost: emu.authorityHost,
  tenant: CONTOSO,
  clientId: AEM_APP,
  credential: { kind: 'secret' },
  redirectUri: 'http://localhost',
  scopes: SCOPE.split(' '),
  mailbox: USERS.alice.upn,
  fromAddress: USERS.alice.upn,
  smtpHost: emu.smtp.host,
  smtpPort: emu.smtp.port,
  network: { proxyUrl: withUser('bob', PASSWORD), extraCaPem: emu.caPem, timeoutMs: 10_000 },
  ...over,
});

async function save(call: ReturnType<typeof setup>['call'], request: unknown): Promise<ProfileView> {
  const r = await call('profiles:save', request);
  if (!r.ok) throw new Error(r.problem.title);
  return r.value as ProfileView;
}

const verified = (r: Awaited<ReturnType<ReturnType<typeof setup>['call']>>) =>
  r.ok ? (r.value as VerifyResult).report : undefined;

describe('a proxy password typed into the network settings', () => {
  it('lives in the keychain only, and the token request and the SMTP login go through the authenticating proxy with it', async () => {
    const { call, profilesFile } = setup();
    const { profile } = await save(call, { draft: draft({}), secrets: { clientSecret: AEM_SECRET } });
    const id = profile.id;
    expect(readFileSync(profilesFile, 'utf8')).not.toContain('pa55');
    expect(profile.network.proxyUrl).toBe(withUser('bob'));
    const got = await call('profiles:get', { id });
    expect(got.ok && (got.value as ProfileView).profile.network.proxyUrl).toBe(withUser('bob'));
    expect(await kc.store.get(secretKeys.proxyPassword(id))).toBe(PASSWORD);

    const tokens = await delegatedTokens(emu, {
      clientId: AEM_APP,
      secret: AEM_SECRET,
      scope: SCOPE,
      user: { upn: USERS.alice.upn, password: USERS.alice.password },
    });
    await kc.store.set(secretKeys.refreshToken(id), String(tokens.refresh_token));
    proxy.connects.length = 0;
    const r = await call('token:verify', { profileId: id, operationId: 'verify-through-proxy' });
    expect(verified(r)?.ok).toBe(true);
    // Both the refresh-token redemption and the SMTP login were tunnelled, not sent directly.
    expect(proxy.connects).toEqual(
      expect.arrayContaining([new URL(emu.authorityHost).host, `${emu.smtp.host}:${emu.smtp.port}`]),
    );

    // The form sends the address back without the password: the stored one is kept and still works.
    await save(call, {
      id,
      draft: draft({ network: { proxyUrl: withUser('bob'), extraCaPem: emu.caPem, timeoutMs: 10_000 } }),
      secrets: {},
    });
    expect(verified(await call('token:verify', { profileId: id, operationId: 'verify-kept' }))?.ok).toBe(true);

    // Another user: the stored password is dropped, and the proxy now refuses the login.
    await save(call, {
      id,
      draft: draft({ network: { proxyUrl: withUser('eve'), extraCaPem: emu.caPem, timeoutMs: 10_000 } }),
      secrets: {},
    });
    expect(await kc.store.get(secretKeys.proxyPassword(id))).toBeNull();
    const refused = await call('token:verify', { profileId: id, operationId: 'verify-refused' });
    expect(refused.ok ? refused.value : refused.problem).toMatchObject({ code: 'PROXY_AUTH_REQUIRED' });

    await save(call, { id, draft: draft({}), secrets: {} });
    expect(await kc.store.get(secretKeys.proxyPassword(id))).toBe(PASSWORD);
    expect(await call('profiles:delete', { id })).toEqual({ ok: true, value: { deleted: true } });
    expect(await kc.store.get(secretKeys.proxyPassword(id))).toBeNull();
    expect((await kc.accounts()).filter((a) => a.startsWith(`profile/${id}/`))).toEqual([]);
  });

  it('an app-only token from MSAL and the SMTP login use the stored password too', async () => {
    const { call, profilesFile } = setup();
    const { profile } = await save(call, {
      draft: draft({
        name: 'Daemon behind the proxy',
        targetId: 'app-only',
        flow: 'app-only',
        clientId: DAEMON_APP,
        redirectUri: '',
        scopes: ['https://outlook.office365.com/.default'],
        mailbox: 'noreply@contoso.com',
        fromAddress: 'noreply@contoso.com',
      }),
      secrets: { clientSecret: DAEMON_SECRET },
    });
    expect(readFileSync(profilesFile, 'utf8')).not.toContain('pa55');
    proxy.connects.length = 0;
    const r = await call('token:verify', { profileId: profile.id, operationId: 'verify-app-only-through-proxy' });
    expect(r.ok ? verified(r) : r.problem).toMatchObject({ ok: true });
    expect(proxy.connects).toEqual(
      expect.arrayContaining([new URL(emu.authorityHost).host, `${emu.smtp.host}:${emu.smtp.port}`]),
    );
  });
});
