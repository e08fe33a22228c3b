import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../../src/core/secrets/memory-secret-store';
import { secretKeys } from '../../../../src/core/secrets/secret-keys';
import { aemSignInNotices, exportsFor, exportsForProfile, targetExports } from '../../../../src/core/targets';
import type { ExportOptions, ExportOutput } from '../../../../src/shared/export-output';
import { fixtureProfile, fixtureTokens } from '../fixture-profile';

/**
 * AEM's exports against Adobe's current pages: the Mail Service PID, the egress proxy of
 * AEM as a Cloud Service, authCodeRedirectUrl, the steps and Cloud Manager's 2,048-character
 * variable limit.
 */
const aem = fixtureProfile('aem');
const cloud = (options: Partial<ExportOptions> = {}): ExportOutput[] =>
  exportsFor(aem, {}, { includeSecrets: false, ...options });
const byName = (outputs: readonly ExportOutput[], name: string): ExportOutput => {
  const o = outputs.find((x) => x.name === name);
  if (!o) throw new Error(`no output ${name} in ${outputs.map((x) => x.name).join(', ')}`);
  return o;
};
const json = (o: ExportOutput): Record<string, unknown> => JSON.parse(o.content) as Record<string, unknown>;
const MAIL_SERVICE = 'com.day.cq.mailer.DefaultMailService.cfg.json';

/** A store that records which keys were read. */
class RecordingStore extends MemorySecretStore {
  readonly reads: string[] = [];
  override async get(key: string): Promise<string | null> {
    this.reads.push(key);
    return super.get(key);
  }
}

describe('AEM as a Cloud Service export (the default)', () => {
  it("names the mail service file after its PID, com.day.cq.mailer.DefaultMailService, never the old '.impl.' name", () => {
    for (const outputs of [cloud(), cloud({ aem: { connection: 'direct', proxyPort: 30587 } })]) {
      expect(outputs.map((o) => o.name)).toContain(MAIL_SERVICE);
      for (const o of outputs) {
        expect(o.name).not.toContain('com.day.cq.mailer.impl.DefaultMailService');
        expect(o.content).not.toContain('com.day.cq.mailer.impl.DefaultMailService');
      }
    }
  });

  it('sends through the egress proxy: AEM_PROXY_HOST and the port forward’s portOrig, never port 587', () => {
    const outputs = cloud();
    expect(json(byName(outputs, MAIL_SERVICE))).toMatchObject({
      'smtp.host': '$[env:AEM_PROXY_HOST;default=proxy.tunnel]',
      'smtp.port': 30587,
      'smtp.ssl': false,
      'smtp.starttls': true,
      'smtp.requiretls': true,
      'oauth.flow': true,
    });
    for (const o of outputs.filter((x) => x.group === 'target')) expect(o.content).not.toMatch(/"smtp\.port":\s*587\b/);
  });

  it('exports the port forward for Cloud Manager’s advanced networking call, warning that it replaces the list', () => {
    const networking = byName(
      cloud({ aem: { connection: 'cloud-service', proxyPort: 30123 } }),
      'aem-advanced-networking.json',
    );
    expect(json(networking)).toEqual({
      portForwards: [{ name: 'smtp.office365.com', portDest: 587, portOrig: 30123 }],
    });
    expect(networking.description).toMatch(/replaces the whole configuration/);
    expect(json(byName(cloud({ aem: { connection: 'cloud-service', proxyPort: 30123 } }), MAIL_SERVICE))).toMatchObject(
      {
        'smtp.port': 30123,
      },
    );
  });

  it('puts authCodeRedirectUrl (the profile’s redirect URI) into the OAuth provider file and keeps saved scopes', () => {
    const saved = ['openid', 'offline_access', 'https://outlook.office365.com/SMTP.Send'];
    const own = exportsFor(
      fixtureProfile('aem', { redirectUri: 'http://localhost/', scopes: saved }),
      {},
      {
        includeSecrets: false,
      },
    );
    const provider = json(byName(own, 'com.day.cq.mailer.oauth.impl.OAuthConfigurationProviderImpl.cfg.json'));
    expect(provider.authCodeRedirectUrl).toBe('http://localhost/');
    expect(provider.scopes).toEqual(saved);
    expect(provider.clientSecret).toBe('$[secret:SECRET_SMTP_OAUTH_CLIENT_SECRET]');
    expect(provider.refreshToken).toBe('$[secret:SECRET_SMTP_OAUTH_REFRESH_TOKEN]');
  });

  it('numbers the deployment steps in AEM’s order, naming only outputs that exist', () => {
    const outputs = cloud();
    const steps = byName(outputs, 'aem-deployment-steps.txt');
    expect(steps.kind).toBe('steps');
    const titles = (steps.steps ?? []).map((s) => s.title);
    expect(titles[0]).toMatch(/flexible port egress/);
    expect(titles.findIndex((t) => /secret variables/.test(t))).toBeLessThan(
      titles.findIndex((t) => /pipeline/.test(t)),
    );
    expect(steps.content).toMatch(/^1\. Enable flexible port egress/);
    const names = new Set(outputs.map((o) => o.name));
    for (const s of steps.steps ?? []) for (const n of s.outputs) expect(names, n).toContain(n);
    expect(steps.content).toContain('/apps/<project>/osgiconfig/config');
  });

  it('says where each AEM file goes and puts the AEM outputs before the other formats', () => {
    const outputs = cloud();
    const target = outputs.filter((o) => o.group === 'target').map((o) => o.name);
    expect(target).toEqual(
      expect.arrayContaining([MAIL_SERVICE, 'aem-advanced-networking.json', 'aem-cloud-manager-variables.json']),
    );
    expect(outputs.find((o) => o.name === 'send_test_mail.py')?.group).toBe('other');
    expect(outputs.findIndex((o) => o.group === 'other')).toBeGreaterThan(
      outputs.findLastIndex((o) => o.group === 'target'),
    );
    for (const o of outputs.filter((x) => x.group === 'target' && x.kind === 'file'))
      expect(o.placement, o.name).toBeTruthy();
    expect(byName(outputs, MAIL_SERVICE).placement).toMatch(/\/apps\/<project>\/osgiconfig\/config/);
  });
});

describe('AEM direct connection (AEM 6.5, Managed Services)', () => {
  const direct = cloud({ aem: { connection: 'direct', proxyPort: 30587 } });

  it('connects to the real host and port, with no port forward to configure', () => {
    expect(json(byName(direct, MAIL_SERVICE))).toMatchObject({ 'smtp.host': 'smtp.office365.com', 'smtp.port': 587 });
    expect(direct.map((o) => o.name)).not.toContain('aem-advanced-networking.json');
    const steps = byName(direct, 'aem-deployment-steps.txt').steps ?? [];
    expect(steps.map((s) => s.title).join('\n')).not.toMatch(/port egress|Forward port/);
  });
});

describe('Cloud Manager’s 2,048-character limit on the refresh token', () => {
  const check = (outputs: readonly ExportOutput[]) =>
    byName(outputs, 'aem-cloud-manager-secret-variables.txt').checks?.[0];

  it('passes a 2,048-character token and flags a 2,049-character one, in plain words', () => {
    expect(
      check(targetExports('aem', aem, { refreshToken: 'r'.repeat(2048) }, { includeSecrets: false })),
    ).toMatchObject({ status: 'ok', measured: 2048, limit: 2048 });
    const tooLong = check(targetExports('aem', aem, { refreshToken: 'r'.repeat(2049) }, { includeSecrets: false }));
    expect(tooLong).toMatchObject({ status: 'too-long', measured: 2049, limit: 2048 });
    expect(tooLong?.message).toContain('2,049 characters');
    expect(tooLong?.message).toContain('SECRET_SMTP_OAUTH_REFRESH_TOKEN cannot take it');
  });

  it('measures the stored token without "Include secrets", reading nothing else and showing no value', async () => {
    const store = new RecordingStore();
    const token = `0.AR${'x'.repeat(2045)}`;
    await store.set(secretKeys.refreshToken(aem.id), token);
    await store.set(secretKeys.clientSecret(aem.id), fixtureTokens.clientSecret ?? '');
    const outputs = await exportsForProfile(store, aem, { includeSecrets: false });
    expect(store.reads).toEqual([secretKeys.refreshToken(aem.id)]);
    expect(check(outputs)).toMatchObject({ status: 'too-long', measured: 2049 });
    expect(byName(outputs, 'aem-cloud-manager-secret-variables.txt').description).toContain('2,049 characters');
    for (const o of outputs) expect(o.content).not.toContain(token);
  });

  it('says "unknown" when the keychain cannot be read, and the export still works', async () => {
    const store = new RecordingStore();
    store.get = () => Promise.reject(new Error('locked'));
    const outputs = await exportsForProfile(store, aem, { includeSecrets: false });
    expect(check(outputs)?.status).toBe('unknown');
  });

  it('tells the user right after an AEM sign-in when the new token is too long, and nothing otherwise', async () => {
    const store = new MemorySecretStore();
    await store.set(secretKeys.refreshToken(aem.id), 'r'.repeat(2049));
    const [notice, ...more] = await aemSignInNotices(aem, store);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ code: 'AEM_VARIABLE_TOO_LONG' });
    expect(notice?.explanation).toContain('2,049 characters');
    await store.set(secretKeys.refreshToken(aem.id), 'r'.repeat(2048));
    expect(await aemSignInNotices(aem, store)).toEqual([]);
    const generic = fixtureProfile('generic');
    await store.set(secretKeys.refreshToken(generic.id), 'r'.repeat(5000));
    expect(await aemSignInNotices(generic, store)).toEqual([]);
  });
});
