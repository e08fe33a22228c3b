import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTunnel } from '../../../src/core/net/tunnel';
import { acquireAppOnly } from '../../../src/core/oauth/app-only';
import { redeemStoredRefreshToken } from '../../../src/core/oauth/raw-refresh';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store';
import { secretKeys } from '../../../src/core/secrets/secret-keys';
import { verifySmtp } from '../../../src/core/smtp/verify-smtp';
import { parseProxyAddress } from '../../../src/shared/proxy-address';
import type { Profile } from '../../../src/shared/profile';
import { AEM_APP, AEM_SECRET, DAEMON_SECRET, USERS } from '../../emulator/fixtures/ids';
import { loadKeyMaterial } from '../../emulator/key-material';
import { delegatedTokens } from '../../emulator/test-helpers';
import { startProxy } from '../../support/connect-proxy';
import { daemonProfile } from '../../cli/bulk-world';
import { useEmulatorWorld } from '../../support/emulator-world';
import { emulatorProfile } from '../oauth/emulator-profile';

/**
 * Sign-in and the SMTP check go through one proxy stack: the same address forms, the same
 * CONNECT tunnel. Through the CONNECT proxy helper on 127.0.0.1, against the emulator.
 */
const { emu } = useEmulatorWorld('one-proxy');
const keys = loadKeyMaterial();
type Proxy = Awaited<ReturnType<typeof startProxy>>;
let plain: Proxy;
let overTls: Proxy;
let coalescing: Proxy;

beforeAll(async () => {
  plain = await startProxy();
  // An https:// proxy: TLS to the proxy itself, trusted through the profile's extra CA.
  overTls = await startProxy({ tls: { certPem: keys.serverCertPem, keyPem: keys.serverKeyPem } });
  coalescing = await startProxy({ coalesceFirstReply: true });
});
afterAll(async () => {
  await Promise.all([plain, overTls, coalescing].map((p) => p?.close()));
});

const secrets = new MemorySecretStore();
async function profileVia(proxyUrl: string, over: Partial<Profile>): Promise<Profile> {
  const p = emulatorProfile(emu, over);
  return { ...p, network: { ...p.network, proxyUrl } };
}

async function daemonVia(proxyUrl: string): Promise<Profile> {
  const p = daemonProfile(emu, { network: { proxyUrl, extraCaPem: emu.caPem, timeoutMs: 10_000 } });
  await secrets.set(secretKeys.clientSecret(p.id), DAEMON_SECRET);
  return p;
}

async function aliceVia(proxyUrl: string): Promise<Profile> {
  const p = await profileVia(proxyUrl, { clientId: AEM_APP });
  const scope = p.scopes.join(' ');
  const tokens = await delegatedTokens(emu, {
    clientId: AEM_APP,
    secret: AEM_SECRET,
    scope,
    user: { upn: USERS.alice.upn, password: USERS.alice.password },
  });
  await secrets.set(secretKeys.clientSecret(p.id), AEM_SECRET);
  await secrets.set(secretKeys.refreshToken(p.id), String(tokens.refresh_token));
  return p;
}

const shown = (setting: string): string => {
  const parsed = parseProxyAddress(setting);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.proxy.shown;
};

const cases = [
  { name: 'a scheme-less proxy (host:port)', proxy: () => plain, setting: () => plain.url.replace('http://', '') },
  { name: 'an https:// proxy', proxy: () => overTls, setting: () => overTls.url },
];

describe.each(cases)('$name', ({ proxy, setting }) => {
  it('carries the app-only sign-in (MSAL) and its SMTP check', async () => {
    const p = await daemonVia(setting());
    const before = proxy().connects.length;
    const token = await acquireAppOnly(p, { secrets });
    expect(token.inspection.verdict.fit).toBe('yes');
    const report = await verifySmtp({ profile: p, accessToken: token.accessToken });
    expect(report.problem).toBeUndefined();
    expect(report.ok).toBe(true);
    expect(report.transcript.join('\n')).toContain(`open through proxy ${shown(setting())}`);
    const tunnels = proxy().connects.slice(before);
    expect(tunnels).toContain(emu.host);
    expect(tunnels).toContain(`${emu.smtp.host}:${emu.smtp.port}`);
  });

  it('carries the refresh-token redemption and its SMTP check', async () => {
    const p = await aliceVia(setting());
    const before = proxy().connects.length;
    const token = await redeemStoredRefreshToken(p, { secrets });
    const report = await verifySmtp({ profile: p, accessToken: token.accessToken });
    expect(report.ok).toBe(true);
    expect(proxy().connects.slice(before)).toEqual([emu.host, `${emu.smtp.host}:${emu.smtp.port}`]);
  });
});

describe('the CONNECT tunnel', () => {
  it('keeps the mail server’s greeting that arrives in the same packet as the proxy’s 200', async () => {
    const parsed = parseProxyAddress(coalescing.url);
    if (!parsed.ok) throw new Error(parsed.message);
    const socket = await openTunnel(parsed.proxy, emu.smtp.host, emu.smtp.port, { timeoutMs: 10_000 });
    const greeting = await new Promise<string>((r) => socket.once('data', (d: Buffer) => r(d.toString('latin1'))));
    socket.destroy();
    expect(greeting).toMatch(/^220 /);
  });

  it('so a whole SMTP check works through a proxy that sends them together', async () => {
    // (HTTPS cannot go through that proxy: the client speaks first there, after the 200.)
    const token = await acquireAppOnly(await daemonVia(plain.url), { secrets });
    const p = await daemonVia(coalescing.url);
    const report = await verifySmtp({ profile: p, accessToken: token.accessToken });
    expect(report.ok).toBe(true);
    expect(report.transcript.join('\n')).toContain(`open through proxy ${coalescing.url}`);
  });
});
