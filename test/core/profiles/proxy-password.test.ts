import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitProxyPassword, withProxyPassword } from '../../../src/core/net/proxy-password';
import { resolveNetwork } from '../../../src/core/net/resolve-network';
import { createProfileStore } from '../../../src/core/profiles/profile-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import type { SecretStore } from '../../../src/core/secrets/secret-store';
import type { ProfileDraft } from '../../../src/shared/profile';
import { testKeychain } from '../../support/keychain';

const kc = testKeychain('proxy-password');
let file: string;
beforeEach(async () => {
  file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'sow-proxy-pw-')), 'profiles.json');
});
afterEach(() => fs.rm(path.dirname(file), { recursive: true, force: true }));
afterAll(() => kc.wipe());

/** A password with `:` and an unescaped `@`, both of which URL parsing accepts in a proxy address. */
const PASSWORD = 'pa55:w@rd';
const draft = (proxyUrl: string): ProfileDraft => ({
  name: 'Behind a proxy',
  targetId: 'aem',
  flow: 'delegated',
  cloud: 'global',
  customAuthorityHost: '',
  tenant: 'contoso.com',
  clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
  credential: { kind: 'none' },
  redirectUri: 'http://localhost',
  scopes: ['https://outlook.office.com/SMTP.Send', 'offline_access'],
  mailbox: 'alice@contoso.com',
  fromAddress: 'alice@contoso.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  network: { proxyUrl, extraCaPem: '', timeoutMs: 30_000 },
});

describe('splitting a proxy address', () => {
  it('takes the password out up to the last @ and puts exactly the typed text back', () => {
    const split = splitProxyPassword(`http://bob:${PASSWORD}@proxy:8080`);
    expect(split).toEqual({ saved: 'http://bob@proxy:8080', user: 'bob', password: PASSWORD });
    expect(withProxyPassword(split.saved, PASSWORD)).toBe(`http://bob:${PASSWORD}@proxy:8080`);
    expect(splitProxyPassword('bob:p%40ss@proxy:3128')).toEqual({
      saved: 'bob@proxy:3128',
      user: 'bob',
      password: 'p%40ss',
    });
  });

  it('leaves an address without a password as it is', () => {
    expect(splitProxyPassword('http://proxy:8080')).toEqual({ saved: 'http://proxy:8080', user: '' });
    expect(splitProxyPassword('http://bob@proxy:8080')).toEqual({ saved: 'http://bob@proxy:8080', user: 'bob' });
    expect(splitProxyPassword('')).toEqual({ saved: '', user: '' });
  });
});

describe('the proxy password in the profile store', () => {
  it('keeps the password in the keychain only; the file and get() have the address without it', async () => {
    const store = createProfileStore({ file, secrets: kc.store });
    const p = await store.create(draft(`http://bob:${PASSWORD}@proxy.contoso.com:8080`));
    const text = await fs.readFile(file, 'utf8');
    expect(text).not.toContain('pa55');
    expect(text).toContain('http://bob@proxy.contoso.com:8080');
    expect(p.network.proxyUrl).toBe('http://bob@proxy.contoso.com:8080');
    expect((await store.get(p.id))?.network.proxyUrl).toBe('http://bob@proxy.contoso.com:8080');
    expect(await kc.store.get(secretKeys.proxyPassword(p.id))).toBe(PASSWORD);
    expect((await resolveNetwork(p, kc.store)).proxyUrl).toBe(`http://bob:${PASSWORD}@proxy.contoso.com:8080`);
  });

  it('keeps the stored password when the same user is saved without one, drops it when the user changes or the proxy is cleared', async () => {
    const store = createProfileStore({ file, secrets: kc.store });
    const p = await store.create(draft(`http://bob:${PASSWORD}@proxy:8080`));
    await store.update(p.id, draft('http://bob@proxy:8080'));
    expect(await kc.store.get(secretKeys.proxyPassword(p.id))).toBe(PASSWORD);
    await store.update(p.id, draft('http://bob:n3w@proxy:8080'));
    expect(await kc.store.get(secretKeys.proxyPassword(p.id))).toBe('n3w');
    await store.update(p.id, draft('http://eve@proxy:8080'));
    expect(await kc.store.get(secretKeys.proxyPassword(p.id))).toBeNull();
    await store.update(p.id, draft('http://bob:again@proxy:8080'));
    await store.update(p.id, draft(''));
    expect(await kc.store.get(secretKeys.proxyPassword(p.id))).toBeNull();
    expect(await fs.readFile(file, 'utf8')).not.toMatch(/pa55|n3w|again/);
  });

  it('copies the password with a duplicated profile and removes it with a deleted one', async () => {
    const store = createProfileStore({ file, secrets: kc.store });
    const p = await store.create(draft(`http://bob:${PASSWORD}@proxy:8080`));
    const copy = await store.duplicate(p.id);
    expect(await kc.store.get(secretKeys.proxyPassword(copy.id))).toBe(PASSWORD);
    await store.remove(p.id);
    expect(await kc.store.get(secretKeys.proxyPassword(p.id))).toBeNull();
    expect(await kc.store.get(secretKeys.proxyPassword(copy.id))).toBe(PASSWORD);
  });

  it('reads the keychain only when the proxy address names a user', async () => {
    const reads: string[] = [];
    const secrets: Pick<SecretStore, 'get'> = {
      get: async (key) => {
        reads.push(key);
        return kc.store.get(key);
      },
    };
    const network = draft('http://proxy:8080').network;
    expect(await resolveNetwork({ id: 'x', network }, secrets)).toBe(network);
    expect(await resolveNetwork({ id: 'x', network: { ...network, proxyUrl: '' } }, secrets)).toEqual({
      ...network,
      proxyUrl: '',
    });
    expect(reads).toEqual([]);
    // No password stored for this user: the address is used as it is (the proxy will say 407).
    expect(
      (await resolveNetwork({ id: 'x', network: { ...network, proxyUrl: 'http://bob@proxy:8080' } }, secrets)).proxyUrl,
    ).toBe('http://bob@proxy:8080');
    expect(reads).toEqual([secretKeys.proxyPassword('x')]);
  });
});
