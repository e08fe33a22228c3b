import { createConnection, createServer, type Server } from 'node:net';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportsFor } from '../../../../src/core/targets';
import type { ExportOptions, ExportOutput } from '../../../../src/shared/export-output';
import type { Profile } from '../../../../src/shared/profile';
import { type Emulator, startEmulator } from '../../../emulator';
import { AEM_APP, AEM_SECRET, CONTOSO, USERS } from '../../../emulator/fixtures/ids';
import { httpsRequest } from '../../../emulator/sign-in-driver';
import { delegatedTokens } from '../../../emulator/test-helpers';
import { fixtureProfile } from '../fixture-profile';

/**
 * The AEM files played out the way AEM and Cloud Manager use them, against the emulator:
 * Cloud Manager replaces each $[secret:NAME] with its variable, the OAuth provider redeems
 * the refresh token at refreshUrl with its clientId and scopes, and the Mail Service sends
 * through smtp.host:smtp.port. For the Cloud Service variant, AEM_PROXY_HOST stands for
 * 127.0.0.1 here and a TCP forwarder plays the portForwards rule (portOrig -> name:portDest).
 * nodemailer stands in for AEM's JavaMail: STARTTLS required, XOAUTH2 as smtp.user.
 */
let emu: Emulator;
let refreshToken: string;
let forwarder: Server | undefined;

beforeAll(async () => {
  emu = await startEmulator();
  // The scopes Adobe's page asks for, as the wizard's AEM preset signs in with them.
  const tokens = await delegatedTokens(emu, {
    clientId: AEM_APP,
    secret: AEM_SECRET,
    scope: fixtureProfile('aem').scopes.join(' '),
    user: USERS.alice,
  });
  refreshToken = String(tokens.refresh_token);
});
afterAll(async () => {
  await new Promise<void>((resolve) => (forwarder ? forwarder.close(() => resolve()) : resolve()));
  await emu.close();
});

const profile = (): Profile =>
  fixtureProfile('aem', {
    clientId: AEM_APP,
    mailbox: USERS.alice.upn,
    fromAddress: USERS.alice.upn,
    cloud: 'custom',
    customAuthorityHost: emu.authorityHost,
    tenant: CONTOSO,
    smtpHost: emu.smtp.host,
    smtpPort: emu.smtp.port,
  });

async function postForm(url: string, form: Record<string, string>): Promise<Record<string, string>> {
  const res = await httpsRequest(url, emu.caPem, { body: new URLSearchParams(form).toString() });
  return JSON.parse(res.body) as Record<string, string>;
}

const parsed = (outputs: readonly ExportOutput[], suffix: string): Record<string, unknown> =>
  JSON.parse(outputs.find((o) => o.name.endsWith(suffix))?.content ?? '{}') as Record<string, unknown>;

/** What AEM runs on: the files with Cloud Manager's secret variables filled in. */
function deployed(options: Omit<ExportOptions, 'includeSecrets'>) {
  const outputs = exportsFor(
    profile(),
    { clientSecret: AEM_SECRET, refreshToken },
    { includeSecrets: true, ...options },
  );
  const variables = JSON.parse(outputs.find((o) => o.name === 'aem-cloud-manager-variables.json')?.content ?? '[]') as {
    name: string;
    value: string;
  }[];
  const resolve = (v: unknown): string =>
    String(v).replace(/^\$\[secret:(\w+)\]$/, (_, name: string) => variables.find((x) => x.name === name)?.value ?? '');
  return { outputs, resolve };
}

/** The OAuth provider's refresh, as AEM does it before each mail. */
async function redeem(outputs: readonly ExportOutput[], resolve: (v: unknown) => string): Promise<string> {
  const provider = parsed(outputs, 'OAuthConfigurationProviderImpl.cfg.json');
  const reply = await postForm(String(provider.refreshUrl), {
    client_id: String(provider.clientId),
    client_secret: resolve(provider.clientSecret),
    refresh_token: resolve(provider.refreshToken),
    grant_type: 'refresh_token',
    scope: (provider.scopes as string[]).join(' '),
  });
  expect(reply.error_description).toBeUndefined();
  return reply.access_token ?? '';
}

/** A port-forward rule: listens on 127.0.0.1:portOrig, connects to name:portDest. */
async function portForward(rule: { name: string; portDest: number; portOrig: number }): Promise<Server> {
  const server = createServer((client) => {
    const upstream = createConnection(rule.portDest, rule.name);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(rule.portOrig, '127.0.0.1', () => resolve());
  });
  return server;
}

async function sendAsAem(mailService: Record<string, unknown>, accessToken: string, host: string, to: string) {
  const transport = createTransport({
    host,
    port: Number(mailService['smtp.port']),
    secure: mailService['smtp.ssl'] === true,
    requireTLS: mailService['smtp.requiretls'] === true,
    tls: { ca: emu.caPem, servername: '127.0.0.1' },
    auth: { type: 'OAuth2', user: String(mailService['smtp.user']), accessToken },
  });
  try {
    return await transport.sendMail({ from: String(mailService['from.address']), to, subject: 'AEM test', text: 'hi' });
  } finally {
    transport.close();
  }
}

describe('AEM configuration against the emulator', () => {
  it('redeems the refresh token as AEM will: refreshUrl, clientId, Adobe’s scopes and the Cloud Manager secrets', async () => {
    const { outputs, resolve } = deployed({});
    const claims = JSON.parse(
      Buffer.from((await redeem(outputs, resolve)).split('.')[1] ?? '', 'base64url').toString(),
    ) as {
      aud: string;
      scp: string;
    };
    expect(claims.aud).toBe('https://outlook.office.com');
    expect(claims.scp).toContain('SMTP.Send');
  });

  it('Cloud Service: sends through AEM_PROXY_HOST:portOrig, which the exported port forward takes to the SMTP host', async () => {
    // A free port from Cloud Manager's range: several test files may run at once.
    let rule: { name: string; portDest: number; portOrig: number } | undefined;
    for (let attempt = 0; attempt < 20 && !forwarder; attempt++) {
      const proxyPort = 30000 + Math.floor(Math.random() * 1000);
      const { outputs } = deployed({ aem: { connection: 'cloud-service', proxyPort } });
      rule = (parsed(outputs, 'aem-advanced-networking.json').portForwards as (typeof rule)[])[0];
      if (rule) forwarder = await portForward(rule).catch(() => undefined);
    }
    expect(forwarder, 'no free port in 30000-30999').toBeDefined();
    const { outputs, resolve } = deployed({ aem: { connection: 'cloud-service', proxyPort: rule?.portOrig ?? 0 } });
    const mailService = parsed(outputs, 'com.day.cq.mailer.DefaultMailService.cfg.json');
    expect(mailService['smtp.host']).toBe('$[env:AEM_PROXY_HOST;default=proxy.tunnel]');
    expect(rule).toEqual({ name: emu.smtp.host, portDest: emu.smtp.port, portOrig: mailService['smtp.port'] });
    // AEM resolves $[env:AEM_PROXY_HOST] to its proxy; here that is 127.0.0.1.
    const info = await sendAsAem(mailService, await redeem(outputs, resolve), '127.0.0.1', 'aem-proxy@example.org');
    expect(info.response).toMatch(/^250 2\.0\.0 OK/);
    expect(emu.messages('aem-proxy@example.org')[0]?.authUser).toBe(USERS.alice.upn);
  });

  it('direct connection: sends to smtp.host:smtp.port as written', async () => {
    const { outputs, resolve } = deployed({ aem: { connection: 'direct', proxyPort: 30587 } });
    const mailService = parsed(outputs, 'com.day.cq.mailer.DefaultMailService.cfg.json');
    const info = await sendAsAem(
      mailService,
      await redeem(outputs, resolve),
      String(mailService['smtp.host']),
      'aem-direct@example.org',
    );
    expect(info.response).toMatch(/^250 2\.0\.0 OK/);
    expect(emu.messages('aem-direct@example.org')).toHaveLength(1);
  });
});
