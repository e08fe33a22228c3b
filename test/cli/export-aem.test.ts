import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AEM_APP, AEM_SECRET, CONTOSO, USERS } from '../emulator/fixtures/ids';
import { cliSandbox, type CliSandbox } from './cli-harness';

/** `export` for an AEM profile: Cloud Service through the egress proxy by default, or a direct connection. */
let cli: CliSandbox;
beforeAll(async () => {
  cli = await cliSandbox('export-aem');
  await cli.store.create(
    {
      name: 'AEM',
      targetId: 'aem',
      flow: 'delegated',
      cloud: 'global',
      customAuthorityHost: '',
      tenant: CONTOSO,
      clientId: AEM_APP,
      credential: { kind: 'secret' },
      redirectUri: 'http://localhost',
      scopes: ['https://outlook.office.com/SMTP.Send', 'openid', 'offline_access', 'email', 'profile'],
      mailbox: USERS.alice.upn,
      fromAddress: USERS.alice.upn,
      smtpHost: 'smtp.office365.com',
      smtpPort: 587,
      network: { proxyUrl: '', extraCaPem: '', timeoutMs: 15_000 },
    },
    { clientSecret: AEM_SECRET },
  );
});
afterAll(() => cli?.dispose());

const mailService = async (dir: string) =>
  JSON.parse(await readFile(join(dir, 'com.day.cq.mailer.DefaultMailService.cfg.json'), 'utf8')) as Record<
    string,
    unknown
  >;

describe('export of an AEM profile', () => {
  it('--aem-proxy-port sets portOrig in the mail service and the port forward', async () => {
    const out = join(cli.dataDir, 'aem-proxy');
    const r = await cli.run(['export', 'AEM', '--out', out, '--aem-proxy-port', '30123']);
    expect(r.code, r.stderr).toBe(0);
    expect(await mailService(out)).toMatchObject({
      'smtp.host': '$[env:AEM_PROXY_HOST;default=proxy.tunnel]',
      'smtp.port': 30123,
    });
    expect(JSON.parse(await readFile(join(out, 'aem-advanced-networking.json'), 'utf8'))).toEqual({
      portForwards: [{ name: 'smtp.office365.com', portDest: 587, portOrig: 30123 }],
    });
    expect(await readFile(join(out, 'aem-deployment-steps.txt'), 'utf8')).toMatch(/^1\. Enable flexible port egress/);
  });

  it('--aem-direct writes the real host and port and no port forward', async () => {
    const out = join(cli.dataDir, 'aem-direct');
    const r = await cli.run(['export', 'AEM', '--out', out, '--aem-direct']);
    expect(r.code, r.stderr).toBe(0);
    expect(await mailService(out)).toMatchObject({ 'smtp.host': 'smtp.office365.com', 'smtp.port': 587 });
    expect(await readdir(out)).not.toContain('aem-advanced-networking.json');
  });

  it('refuses a port outside Cloud Manager’s 30000-30999, naming the option', async () => {
    const r = await cli.run(['export', 'AEM', '--out', join(cli.dataDir, 'aem-bad'), '--aem-proxy-port', '587']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--aem-proxy-port must be a whole number from 30000 to 30999');
  });
});
